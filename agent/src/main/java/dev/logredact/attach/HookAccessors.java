package dev.logredact.attach;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hook calls ({@link HookInvocation}) of one library class patched with ASM. Finding the hook
 * ({@code getMethod}, after the class lookup) copies a {@code Method}: paid on every log event if done
 * per call. So, where the class may still change shape (it is being loaded, not retransformed), the
 * class gets one private static volatile {@code Method} field and a private static accessor per hook
 * that finds the hook on its first call and keeps it:
 *
 * <pre>
 * private static volatile Method logredact$hook0;
 * private static Method logredact$hook0() {
 *     Method m = logredact$hook0;
 *     if (m == null) { m = HOOKS.getMethod(...); logredact$hook0 = m; }   // a race finds the same method twice
 *     return m;
 * }
 * </pre>
 *
 * Each call is then {@code logredact$hook0().invoke(null, args)}. The field lives in the patched class,
 * so each class loader that loads the library has its own, and it refers only to a JDK class: nothing
 * keeps an application's loader alive. A private static field leaves the default
 * {@code serialVersionUID} unchanged. A retransformed class (one loaded before the agent) cannot gain
 * members, and finds the hook on every call.
 */
final class HookAccessors {
    /** A hook's cached lookup: the name of its field and accessor, and what it finds. */
    private static final class Accessor {
        final String name;
        final String hookClass;
        final String hookMethod;
        final List<String> types;

        Accessor(String name, String hookClass, String hookMethod, List<String> types) {
            this.name = name;
            this.hookClass = hookClass;
            this.hookMethod = hookMethod;
            this.types = types;
        }
    }

    private static final String METHOD = "java/lang/reflect/Method";
    private static final String PREFIX = "logredact$hook";

    private final String owner;
    private final boolean classConstants;
    /** Before version 50 (Java 6) a class has no stack map frames: the old verifier infers them. */
    private final boolean frames;
    private final boolean cache;
    /** Per hook (class, method, argument types), in order of first use. */
    private final Map<String, Accessor> accessors = new LinkedHashMap<>();

    /**
     * @param classVersion the patched class file's major version: before 49 (Java 5) {@code ldc} cannot
     *     load a class constant
     * @param mayAddMembers the class is being loaded, so a field and an accessor can be added
     */
    HookAccessors(String owner, int classVersion, boolean mayAddMembers) {
        this.owner = owner;
        this.classConstants = classVersion >= Opcodes.V1_5;
        this.frames = classVersion >= Opcodes.V1_6;
        this.cache = mayAddMembers;
    }

    /** Whether the patched class's methods carry stack map frames, so added code must too. */
    boolean frames() {
        return frames;
    }

    void emit(MethodVisitor mv, String hookClass, String hookMethod, List<HookInvocation.Argument> arguments) {
        List<String> types = HookInvocation.descriptors(arguments);
        AsmEmitter e = new AsmEmitter(mv);
        if (cache) {
            String key = hookClass + '.' + hookMethod + types;
            Accessor accessor = accessors.get(key);
            if (accessor == null) {
                accessor = new Accessor(PREFIX + accessors.size(), hookClass, hookMethod, types);
                accessors.put(key, accessor);
            }
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, accessor.name, "()L" + METHOD + ";", false);
        } else {
            HookInvocation.emitLookup(e, hookClass, hookMethod, types, classConstants);
        }
        HookInvocation.emitInvoke(e, arguments);
    }

    /** Adds the fields and accessors that {@link #emit} used; called at the end of the class. */
    void addMembers(ClassVisitor cv) {
        for (Accessor a : accessors.values()) {
            String name = a.name;
            int access = Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
            FieldVisitor fv = cv.visitField(access | Opcodes.ACC_VOLATILE, name, "L" + METHOD + ";", null, null);
            fv.visitEnd();
            MethodVisitor mv = cv.visitMethod(access, name, "()L" + METHOD + ";", null, null);
            mv.visitCode();
            Label found = new Label();
            mv.visitFieldInsn(Opcodes.GETSTATIC, owner, name, "L" + METHOD + ";");
            mv.visitInsn(Opcodes.DUP);
            mv.visitJumpInsn(Opcodes.IFNONNULL, found);
            mv.visitInsn(Opcodes.POP);
            HookInvocation.emitLookup(new AsmEmitter(mv), a.hookClass, a.hookMethod, a.types, classConstants);
            mv.visitInsn(Opcodes.DUP);
            mv.visitFieldInsn(Opcodes.PUTSTATIC, owner, name, "L" + METHOD + ";");
            mv.visitLabel(found);
            if (frames) {
                mv.visitFrame(Opcodes.F_NEW, 0, new Object[0], 1, new Object[] {METHOD});
            }
            mv.visitInsn(Opcodes.ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
    }

    /** A method's locals on entry, as ASM's stack map frames take them. */
    static Object[] frameLocals(String owner, int access, String descriptor) {
        List<Object> locals = new ArrayList<>();
        for (String local : HookInvocation.frameLocals(owner, (access & Opcodes.ACC_STATIC) != 0, descriptor)) {
            switch (local) {
                case "I":
                    locals.add(Opcodes.INTEGER);
                    break;
                case "J":
                    locals.add(Opcodes.LONG);
                    break;
                case "F":
                    locals.add(Opcodes.FLOAT);
                    break;
                case "D":
                    locals.add(Opcodes.DOUBLE);
                    break;
                default:
                    locals.add(internalName(local));
            }
        }
        return locals.toArray();
    }

    /** A reference type's descriptor as CHECKCAST and frames name it: {@code a/b/C}, or an array's descriptor. */
    static String internalName(String descriptor) {
        return descriptor.startsWith("L") ? descriptor.substring(1, descriptor.length() - 1) : descriptor;
    }

    /** The hook call's instructions written through ASM. */
    private static final class AsmEmitter implements HookInvocation.Emitter {
        private final MethodVisitor mv;

        AsmEmitter(MethodVisitor mv) {
            this.mv = mv;
        }

        @Override
        public void insn(int opcode) {
            mv.visitInsn(opcode);
        }

        @Override
        public void intInsn(int opcode, int operand) {
            mv.visitIntInsn(opcode, operand);
        }

        @Override
        public void varInsn(int opcode, int slot) {
            mv.visitVarInsn(opcode, slot);
        }

        @Override
        public void typeInsn(int opcode, String internalName) {
            mv.visitTypeInsn(opcode, internalName);
        }

        @Override
        public void fieldInsn(int opcode, String owner, String name, String descriptor) {
            mv.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void methodInsn(int opcode, String owner, String name, String descriptor) {
            mv.visitMethodInsn(opcode, owner, name, descriptor, false);
        }

        @Override
        public void ldcString(String value) {
            mv.visitLdcInsn(value);
        }

        @Override
        public void ldcClass(String internalName) {
            mv.visitLdcInsn(Type.getObjectType(internalName));
        }
    }
}
