package dev.logredact.attach;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Emits, into a patched JDK or build-tool method, a call of a static agent method through the system
 * class loader (where {@code -javaagent} puts the agent), in JDK types only:
 * {@code ClassLoader.getSystemClassLoader().loadClass(C).getMethod(m, types).invoke(null, args)}.
 * The result (an Object) is left on the stack. Callers wrap it in a try/catch: reflection can fail.
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

    private HookInvocation() {
    }

    static void emit(MethodVisitor mv, String hookClass, String hookMethod, List<Argument> arguments) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/ClassLoader", "getSystemClassLoader",
                "()Ljava/lang/ClassLoader;", false);
        mv.visitLdcInsn(hookClass);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/ClassLoader", "loadClass",
                "(Ljava/lang/String;)Ljava/lang/Class;", false);
        mv.visitLdcInsn(hookMethod);
        pushInt(mv, arguments.size());
        mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Class");
        for (int i = 0; i < arguments.size(); i++) {
            mv.visitInsn(Opcodes.DUP);
            pushInt(mv, i);
            Type t = arguments.get(i).type;
            if (t.getSort() == Type.INT) {
                mv.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/Integer", "TYPE", "Ljava/lang/Class;");
            } else {
                mv.visitLdcInsn(t);
            }
            mv.visitInsn(Opcodes.AASTORE);
        }
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Class", "getMethod",
                "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;", false);
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
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/reflect/Method", "invoke",
                "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", false);
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
