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
 * Emits, into the methods of one patched class, calls of static agent methods through the system class
 * loader (where {@code -javaagent} puts the agent), in JDK types only. The result (an Object) is left on
 * the stack; callers wrap the call in a try/catch, because reflection can fail.
 *
 * <p>Finding the hook ({@code ClassLoader.getSystemClassLoader().loadClass(C).getMethod(m, types)})
 * takes a class-loader lock and copies a {@code Method}: about a microsecond, paid on every log event
 * if done per call. So, where the class may still change shape (it is being loaded, not retransformed),
 * the class gets one private static volatile {@code Method} field and a private static accessor per
 * hook that finds the hook on its first call and keeps it:
 *
 * <pre>
 * private static volatile Method logredact$hook0;
 * private static Method logredact$hook0() {
 *     Method m = logredact$hook0;
 *     if (m == null) { m = ...getMethod(...); logredact$hook0 = m; }   // a race finds the same method twice
 *     return m;
 * }
 * </pre>
 *
 * Each call is then {@code logredact$hook0().invoke(null, args)}. The field lives in the patched class,
 * so each class loader that loads the library has its own, and it refers only to a class of the system
 * loader, which outlives it: nothing keeps an application's loader alive. A private static field leaves
 * the default {@code serialVersionUID} unchanged. A retransformed class (one loaded before the agent)
 * cannot gain members, and finds the hook on every call as before.
 */
final class HookInvocation {
    /** One argument of the hook: its declared type, and the local variable slot it is loaded from. */
    static final class Argument {
        final Type type;
        final int slot;

        Argument(Type type, int slot) {
            this.type = type;
            this.slot = slot;
        }
    }

    /** A hook's cached lookup: the name of its field and accessor, and what it finds. */
    private static final class Accessor {
        final String name;
        final String hookClass;
        final String hookMethod;
        final List<Type> types;

        Accessor(String name, String hookClass, String hookMethod, List<Type> types) {
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
    HookInvocation(String owner, int classVersion, boolean mayAddMembers) {
        this.owner = owner;
        this.classConstants = classVersion >= Opcodes.V1_5;
        this.frames = classVersion >= Opcodes.V1_6;
        this.cache = mayAddMembers;
    }

    /** Whether the patched class's methods carry stack map frames, so added code must too. */
    boolean frames() {
        return frames;
    }

    /** For a JDK class retransformed at start-up: no members added, every call finds the hook. */
    static HookInvocation uncached(String owner) {
        return new HookInvocation(owner, Opcodes.V1_8, false);
    }

    void emit(MethodVisitor mv, String hookClass, String hookMethod, List<Argument> arguments) {
        List<Type> types = new ArrayList<>();
        for (Argument a : arguments) {
            types.add(a.type);
        }
        if (cache) {
            String key = hookClass + '.' + hookMethod + types;
            Accessor accessor = accessors.get(key);
            if (accessor == null) {
                accessor = new Accessor(PREFIX + accessors.size(), hookClass, hookMethod, types);
                accessors.put(key, accessor);
            }
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, accessor.name, "()L" + METHOD + ";", false);
        } else {
            emitLookup(mv, hookClass, hookMethod, types);
        }
        mv.visitInsn(Opcodes.ACONST_NULL);
        pushInt(mv, arguments.size());
        mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < arguments.size(); i++) {
            mv.visitInsn(Opcodes.DUP);
            pushInt(mv, i);
            Argument a = arguments.get(i);
            if (a.type.getSort() == Type.INT) {
                mv.visitVarInsn(Opcodes.ILOAD, a.slot);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
            } else {
                mv.visitVarInsn(Opcodes.ALOAD, a.slot);
            }
            mv.visitInsn(Opcodes.AASTORE);
        }
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, METHOD, "invoke",
                "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", false);
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
            emitLookup(mv, a.hookClass, a.hookMethod, a.types);
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

    /** {@code ClassLoader.getSystemClassLoader().loadClass(hookClass).getMethod(hookMethod, types)}. */
    private void emitLookup(MethodVisitor mv, String hookClass, String hookMethod, List<Type> types) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/ClassLoader", "getSystemClassLoader",
                "()Ljava/lang/ClassLoader;", false);
        mv.visitLdcInsn(hookClass);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/ClassLoader", "loadClass",
                "(Ljava/lang/String;)Ljava/lang/Class;", false);
        mv.visitLdcInsn(hookMethod);
        pushInt(mv, types.size());
        mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Class");
        for (int i = 0; i < types.size(); i++) {
            mv.visitInsn(Opcodes.DUP);
            pushInt(mv, i);
            Type t = types.get(i);
            if (t.getSort() == Type.INT) {
                mv.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/Integer", "TYPE", "Ljava/lang/Class;");
            } else if (classConstants) {
                mv.visitLdcInsn(t);
            } else {
                mv.visitLdcInsn(t.getClassName());
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Class", "forName",
                        "(Ljava/lang/String;)Ljava/lang/Class;", false);
            }
            mv.visitInsn(Opcodes.AASTORE);
        }
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Class", "getMethod",
                "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;", false);
    }

    /** A method's locals on entry, in the form stack map frames take. */
    static Object[] frameLocals(String owner, int access, String descriptor) {
        List<Object> locals = new ArrayList<>();
        if ((access & Opcodes.ACC_STATIC) == 0) {
            locals.add(owner);
        }
        for (Type arg : Type.getArgumentTypes(descriptor)) {
            switch (arg.getSort()) {
                case Type.BOOLEAN:
                case Type.BYTE:
                case Type.CHAR:
                case Type.SHORT:
                case Type.INT:
                    locals.add(Opcodes.INTEGER);
                    break;
                case Type.LONG:
                    locals.add(Opcodes.LONG);
                    break;
                case Type.DOUBLE:
                    locals.add(Opcodes.DOUBLE);
                    break;
                case Type.FLOAT:
                    locals.add(Opcodes.FLOAT);
                    break;
                default:
                    locals.add(arg.getSort() == Type.ARRAY ? arg.getDescriptor() : arg.getInternalName());
            }
        }
        return locals.toArray();
    }

    private static void pushInt(MethodVisitor mv, int value) {
        if (value <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + value);
        } else {
            mv.visitIntInsn(Opcodes.BIPUSH, value);
        }
    }
}
