package dev.logredact.attach;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Masks what an application writes to standard output or error through a {@code FileOutputStream}
 * opened on {@code FileDescriptor.out} or {@code .err} (Log4j 2's {@code direct="true"} console, code
 * that bypasses {@code System.out}). Each {@code write} of {@code java.io.FileOutputStream} gets, at
 * entry:
 *
 * <pre>
 * if (getClass() == FileOutputStream.class &amp;&amp; (fd == FileDescriptor.out || fd == FileDescriptor.err)) {
 *     try {
 *         if ((Boolean) hook.write(this, …)) return;   // masked and written by the agent
 *     } catch (Throwable ignored) {
 *     }
 * }
 * </pre>
 *
 * Every other file write pays two comparisons. The agent writes masked output through a subclass, so
 * its own writes never come back here; in a Surefire fork, standard output is Maven's event channel and
 * is not hooked.
 */
public final class FileDescriptorWritePatch extends MethodPatch {
    private static final String FILE_OUTPUT_STREAM = "java/io/FileOutputStream";
    private static final String FILE_DESCRIPTOR = "java/io/FileDescriptor";

    private final String hookClass;
    private final boolean out;
    private final boolean err;

    public FileDescriptorWritePatch(Class<?> hooks, boolean out, boolean err) {
        super(FILE_OUTPUT_STREAM);
        this.hookClass = hooks.getName();
        this.out = out;
        this.err = err;
    }

    @Override
    String targets() {
        return "write(I)V, write([B)V, write([BII)V";
    }

    @Override
    MethodVisitor patchMethod(MethodVisitor mv, int access, String name, String descriptor, ClassReader reader,
                              HookInvocation hooks) {
        if (!name.equals("write") || (access & Opcodes.ACC_STATIC) != 0 || !(out || err)) {
            return mv;
        }
        Object[] locals = HookInvocation.frameLocals(FILE_OUTPUT_STREAM, access, descriptor);
        switch (descriptor) {
            case "(I)V":
                return new Guard(mv, locals, "writeByte", arguments(Type.INT_TYPE), hooks);
            case "([B)V":
                return new Guard(mv, locals, "writeAll", arguments(Type.getType(byte[].class)), hooks);
            case "([BII)V":
                return new Guard(mv, locals, "write", arguments(Type.getType(byte[].class), Type.INT_TYPE, Type.INT_TYPE), hooks);
            default:
                return mv;
        }
    }

    /** {@code this} as an Object, then the method's own arguments from slot 1 on. */
    private static List<HookInvocation.Argument> arguments(Type... types) {
        List<HookInvocation.Argument> list = new ArrayList<>();
        list.add(new HookInvocation.Argument(Type.getType(Object.class), 0));
        int slot = 1;
        for (Type t : types) {
            list.add(new HookInvocation.Argument(t, slot));
            slot += t.getSize();
        }
        return list;
    }

    private final class Guard extends MethodVisitor {
        private final Object[] locals;
        private final String hookMethod;
        private final List<HookInvocation.Argument> arguments;
        private final HookInvocation hooks;

        Guard(MethodVisitor mv, Object[] locals, String hookMethod, List<HookInvocation.Argument> arguments,
              HookInvocation hooks) {
            super(Opcodes.ASM9, mv);
            this.hooks = hooks;
            this.locals = locals;
            this.hookMethod = hookMethod;
            this.arguments = arguments;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            Label call = new Label();
            Label skip = new Label();
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            visitVarInsn(Opcodes.ALOAD, 0);
            visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;", false);
            visitLdcInsn(Type.getObjectType(FILE_OUTPUT_STREAM));
            visitJumpInsn(Opcodes.IF_ACMPNE, skip);
            if (out) {
                compareDescriptor("out");
                visitJumpInsn(err ? Opcodes.IF_ACMPEQ : Opcodes.IF_ACMPNE, err ? call : skip);
            }
            if (err) {
                compareDescriptor("err");
                visitJumpInsn(Opcodes.IF_ACMPNE, skip);
            }
            visitLabel(call);
            visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
            visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
            visitLabel(start);
            hooks.emit(this, hookClass, hookMethod, arguments);
            visitTypeInsn(Opcodes.CHECKCAST, "java/lang/Boolean");
            visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Boolean", "booleanValue", "()Z", false);
            visitJumpInsn(Opcodes.IFEQ, end);
            visitInsn(Opcodes.RETURN);
            visitLabel(end);
            visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
            visitJumpInsn(Opcodes.GOTO, skip);
            visitLabel(handler);
            visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            visitInsn(Opcodes.POP);
            visitLabel(skip);
            visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
        }

        private void compareDescriptor(String which) {
            visitVarInsn(Opcodes.ALOAD, 0);
            visitFieldInsn(Opcodes.GETFIELD, FILE_OUTPUT_STREAM, "fd", "L" + FILE_DESCRIPTOR + ";");
            visitFieldInsn(Opcodes.GETSTATIC, FILE_DESCRIPTOR, which, "L" + FILE_DESCRIPTOR + ";");
        }
    }
}
