package dev.logredact.attach;

import java.util.ArrayList;
import java.util.List;

/**
 * Emits, into a patched JDK, build-tool or library method, a call of a static agent method by
 * reflection, in JDK types only: {@code HOOKS.getMethod(m, types).invoke(null, args)}, where HOOKS is
 * {@code Class.forName(C, false, null)} when the agent's classes are on the boot class path (as its
 * manifest puts them), else {@code ClassLoader.getSystemClassLoader().loadClass(C)} (a renamed jar,
 * read from the application class path). The first is a lookup in the JVM; the second walks the
 * loaders' delegation in Java, which the JDK hooks would pay on every write. The result (an Object) is
 * left on the stack. Callers wrap it in a try/catch: reflection can fail. Reflection works from any
 * module and class loader, which a direct call from {@code java.base} or a build tool's isolated class
 * loader would not. A library class patched as it loads finds the hook once and keeps it
 * ({@link HookAccessors}); the JDK classes patched at start-up find it on every call.
 */
final class HookInvocation {
    static final int ICONST_0 = 0x03;
    static final int BIPUSH = 0x10;
    static final int ILOAD = 0x15;
    static final int ALOAD = 0x19;
    static final int ACONST_NULL = 0x01;
    static final int DUP = 0x59;
    static final int AASTORE = 0x53;
    static final int GETSTATIC = 0xb2;
    static final int INVOKEVIRTUAL = 0xb6;
    static final int INVOKESTATIC = 0xb8;
    static final int ANEWARRAY = 0xbd;

    /** The instructions the call needs, whatever writes the method: the class file patcher or ASM. */
    interface Emitter {
        void insn(int opcode);

        void intInsn(int opcode, int operand);

        void varInsn(int opcode, int slot);

        void typeInsn(int opcode, String internalName);

        void fieldInsn(int opcode, String owner, String name, String descriptor);

        void methodInsn(int opcode, String owner, String name, String descriptor);

        void ldcString(String value);

        /** @param internalName a class as in class files, or an array descriptor such as {@code [B} */
        void ldcClass(String internalName);
    }

    /** One argument of the hook: its descriptor ({@code I}, {@code [B} or {@code Ljava/lang/Object;}) and slot. */
    static final class Argument {
        final String descriptor;
        final int slot;

        Argument(String descriptor, int slot) {
            this.descriptor = descriptor;
            this.slot = slot;
        }
    }

    static final String OBJECT = "Ljava/lang/Object;";

    /** Whether the hooks are found by the boot class loader: decided once per JVM. */
    private static final boolean HOOKS_ON_BOOT_CLASS_PATH = HookInvocation.class.getClassLoader() == null;

    private HookInvocation() {
    }

    /** The lookup of the hook, then its call: {@code HOOKS.getMethod(m, types).invoke(null, args)}. */
    static void emit(Emitter e, String hookClass, String hookMethod, List<Argument> arguments) {
        emitLookup(e, hookClass, hookMethod, descriptors(arguments), true);
        emitInvoke(e, arguments);
    }

    /**
     * Leaves the hook's {@code Method} on the stack: {@code HOOKS.getMethod(hookMethod, types)}.
     *
     * @param classConstants whether {@code ldc} can load a class constant (class files from Java 5 on);
     *     else the argument types are found by name
     */
    static void emitLookup(Emitter e, String hookClass, String hookMethod, List<String> types, boolean classConstants) {
        if (HOOKS_ON_BOOT_CLASS_PATH) {
            e.ldcString(hookClass);
            e.insn(ICONST_0);
            e.insn(ACONST_NULL);
            e.methodInsn(INVOKESTATIC, "java/lang/Class", "forName",
                    "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;");
        } else {
            e.methodInsn(INVOKESTATIC, "java/lang/ClassLoader", "getSystemClassLoader", "()Ljava/lang/ClassLoader;");
            e.ldcString(hookClass);
            e.methodInsn(INVOKEVIRTUAL, "java/lang/ClassLoader", "loadClass", "(Ljava/lang/String;)Ljava/lang/Class;");
        }
        e.ldcString(hookMethod);
        pushInt(e, types.size());
        e.typeInsn(ANEWARRAY, "java/lang/Class");
        for (int i = 0; i < types.size(); i++) {
            e.insn(DUP);
            pushInt(e, i);
            String d = types.get(i);
            String internalName = d.startsWith("L") ? d.substring(1, d.length() - 1) : d;
            if (d.equals("I")) {
                e.fieldInsn(GETSTATIC, "java/lang/Integer", "TYPE", "Ljava/lang/Class;");
            } else if (classConstants) {
                e.ldcClass(internalName);
            } else {
                // Only JDK types, which every class loader finds.
                e.ldcString(internalName.replace('/', '.'));
                e.methodInsn(INVOKESTATIC, "java/lang/Class", "forName", "(Ljava/lang/String;)Ljava/lang/Class;");
            }
            e.insn(AASTORE);
        }
        e.methodInsn(INVOKEVIRTUAL, "java/lang/Class", "getMethod",
                "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;");
    }

    /** With the hook's {@code Method} on the stack: {@code .invoke(null, args)}, leaving its result. */
    static void emitInvoke(Emitter e, List<Argument> arguments) {
        e.insn(ACONST_NULL);
        pushInt(e, arguments.size());
        e.typeInsn(ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < arguments.size(); i++) {
            e.insn(DUP);
            pushInt(e, i);
            Argument a = arguments.get(i);
            if (a.descriptor.equals("I")) {
                e.varInsn(ILOAD, a.slot);
                e.methodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;");
            } else {
                e.varInsn(ALOAD, a.slot);
            }
            e.insn(AASTORE);
        }
        e.methodInsn(INVOKEVIRTUAL, "java/lang/reflect/Method", "invoke",
                "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;");
    }

    /** The arguments' descriptors, in order. */
    static List<String> descriptors(List<Argument> arguments) {
        List<String> types = new ArrayList<>(arguments.size());
        for (Argument a : arguments) {
            types.add(a.descriptor);
        }
        return types;
    }

    /**
     * A method's locals on entry, as stack map frames list them: {@code I}, {@code J}, {@code F},
     * {@code D}, or a reference type's descriptor.
     */
    static List<String> frameLocals(String owner, boolean isStatic, String descriptor) {
        List<String> locals = new ArrayList<>();
        if (!isStatic) {
            locals.add("L" + owner + ";");
        }
        for (String argument : argumentDescriptors(descriptor)) {
            char c = argument.charAt(0);
            locals.add(c == 'Z' || c == 'B' || c == 'C' || c == 'S' ? "I" : argument);
        }
        return locals;
    }

    /** The descriptors of a method descriptor's arguments, in order. */
    static List<String> argumentDescriptors(String descriptor) {
        List<String> arguments = new ArrayList<>();
        int i = 1;
        while (descriptor.charAt(i) != ')') {
            int start = i;
            while (descriptor.charAt(i) == '[') {
                i++;
            }
            i = descriptor.charAt(i) == 'L' ? descriptor.indexOf(';', i) + 1 : i + 1;
            arguments.add(descriptor.substring(start, i));
        }
        return arguments;
    }

    /** Local variable slots an argument takes. */
    static int size(String descriptor) {
        return descriptor.equals("J") || descriptor.equals("D") ? 2 : 1;
    }

    private static void pushInt(Emitter e, int value) {
        if (value <= 5) {
            e.insn(ICONST_0 + value);
        } else {
            e.intInsn(BIPUSH, value);
        }
    }
}
