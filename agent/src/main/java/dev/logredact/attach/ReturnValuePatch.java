package dev.logredact.attach;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Patches methods that return a {@code String} (a JDK formatter's {@code format}, say) so that every
 * {@code return value} becomes, in JDK types only:
 *
 * <pre>
 * String returned = value;
 * try {
 *     return (String) ClassLoader.getSystemClassLoader().loadClass(HOOK_CLASS)
 *             .getMethod(HOOK_METHOD, Object.class).invoke(null, returned);
 * } catch (Throwable t) {
 *     return FALLBACK;
 * }
 * </pre>
 *
 * The fallback replaces the value because the value may hold a secret: when the agent cannot be
 * reached, nothing unmasked may pass. The hook itself never throws (it withholds on its own failures),
 * so the fallback is for a broken agent only. Reflection for the reasons given on {@link EntryHookPatch}.
 */
public final class ReturnValuePatch extends MethodPatch {
    /** One method to patch, the hook it calls, and what it returns when the hook cannot be called. */
    public static final class Target {
        final String name;
        final String descriptor;
        final String hookMethod;
        final String fallback;

        public Target(String name, String descriptor, String hookMethod, String fallback) {
            // Checked without ASM: targets are made at start-up, where ASM is not loaded.
            if (!descriptor.endsWith(")Ljava/lang/String;")) {
                throw new IllegalArgumentException(name + descriptor + " does not return a String");
            }
            this.name = name;
            this.descriptor = descriptor;
            this.hookMethod = hookMethod;
            this.fallback = fallback;
        }
    }

    private final String hookClass;
    private final List<Target> targets;

    /**
     * For a class that may not be loaded yet, named as in class files ({@code a/b/C}); the hook class is
     * named because it is loaded through the system class loader when a patched method runs.
     */
    public ReturnValuePatch(String patchedInternalName, String hookClassName, List<Target> targets) {
        super(patchedInternalName);
        this.hookClass = hookClassName;
        this.targets = new ArrayList<>(targets);
    }

    @Override
    MethodVisitor patchMethod(MethodVisitor mv, int access, String name, String descriptor) {
        return mv;
    }

    @Override
    MethodVisitor patchMethod(MethodVisitor mv, int access, String name, String descriptor, ClassReader reader) {
        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return mv;
        }
        for (Target t : targets) {
            if (t.name.equals(name) && t.descriptor.equals(descriptor)) {
                int[] shape = shape(reader, name, descriptor);
                return new HookCall(mv, t, shape[0], shape[1]);
            }
        }
        return mv;
    }

    /**
     * The method's max locals and its number of {@code ARETURN}s, read in a pass of their own: the
     * temporary must lie beyond every local, and the try/catch entries must come first in the exception
     * table (see {@link HookCall#visitCode}), both known only at the method's end otherwise.
     */
    private static int[] shape(ClassReader reader, String name, String descriptor) {
        int[] shape = new int[2];
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String n, String d, String signature, String[] exceptions) {
                if (!n.equals(name) || !d.equals(descriptor)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.ARETURN) {
                            shape[1]++;
                        }
                    }

                    @Override
                    public void visitMaxs(int maxStack, int maxLocals) {
                        shape[0] = maxLocals;
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return shape;
    }

    /**
     * The hook call sits where the return was, without a frame of its own, so the method's own try
     * blocks around a return still see the method's locals there. The handler, which needs a frame,
     * goes after the method's last instruction, outside every try block of the method: its frame
     * types no local, which the handler does not read.
     */
    private final class HookCall extends MethodVisitor {
        private final Target target;
        private final int slot;
        /** Per return, in order: start and end of its try block. */
        private final Label[][] blocks;
        private final Label handler = new Label();
        private int returns;

        HookCall(MethodVisitor mv, Target target, int maxLocals, int returnCount) {
            super(Opcodes.ASM9, mv);
            this.target = target;
            this.slot = maxLocals;
            this.blocks = new Label[returnCount][];
        }

        /**
         * The added try/catch entries go first in the exception table: the JVM takes the first entry
         * that covers an instruction, and a return inside the method's own try block must not send a
         * failed hook call to the method's handler.
         */
        @Override
        public void visitCode() {
            super.visitCode();
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = new Label[] {new Label(), new Label()};
                super.visitTryCatchBlock(blocks[i][0], blocks[i][1], handler, "java/lang/Throwable");
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode != Opcodes.ARETURN || returns >= blocks.length) {
                super.visitInsn(opcode);
                return;
            }
            Label[] block = blocks[returns++];
            super.visitVarInsn(Opcodes.ASTORE, slot);
            super.visitLabel(block[0]);
            HookInvocation.emit(new AsmEmitter(mv), hookClass, target.hookMethod,
                    Collections.singletonList(new HookInvocation.Argument(HookInvocation.OBJECT, slot)));
            super.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/String");
            super.visitLabel(block[1]);
            super.visitInsn(Opcodes.ARETURN);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            if (returns > 0) {
                super.visitLabel(handler);
                super.visitFrame(Opcodes.F_NEW, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"});
                super.visitInsn(Opcodes.POP);
                super.visitLdcInsn(target.fallback);
                super.visitInsn(Opcodes.ARETURN);
            }
            super.visitMaxs(maxStack, maxLocals);
        }
    }

    /** The reflective hook call written through ASM, for the patches of library classes that use it. */
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
