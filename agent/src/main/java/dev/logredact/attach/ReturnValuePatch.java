package dev.logredact.attach;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Patches methods that return an object (a JDK formatter's {@code format}, say) so that every
 * {@code return value} becomes, in JDK types only:
 *
 * <pre>
 * T returned = value;
 * try {
 *     return (T) HOOKS.getMethod(HOOK_METHOD, Object.class).invoke(null, returned);   // see HookInvocation
 * } catch (Throwable t) {
 *     return FALLBACK;   // or returned (keepingValueOnFailure), or null (nullOnFailure)
 * }
 * </pre>
 *
 * A String's fallback replaces the value because the value may hold a secret: when the agent cannot be
 * reached, nothing unmasked may pass. The hook itself never throws (it withholds on its own failures),
 * so the fallback is for a broken agent only. Reflection for the reasons given on {@link EntryHookPatch}.
 */
public final class ReturnValuePatch extends MethodPatch<ReturnValuePatch.Target> {
    /** One method to patch, the hook it calls, and what it returns when the hook cannot be called. */
    public static final class Target {
        final String name;
        final String descriptor;
        final String hookMethod;
        final String fallback;
        /** Whether the method returns its own value when the hook cannot be called (else the fallback, or null). */
        final boolean keepsValue;
        /** The returned type, as CHECKCAST takes it. */
        final String type;

        /** A method returning a String, which returns {@code fallback} when the hook cannot be called. */
        public Target(String name, String descriptor, String hookMethod, String fallback) {
            this(name, descriptor, hookMethod, fallback, false, "java/lang/String");
            if (fallback == null) {
                throw new IllegalArgumentException(name + descriptor + ": a String's fallback is needed");
            }
        }

        private Target(String name, String descriptor, String hookMethod, String fallback, boolean keepsValue,
                       String expectedType) {
            // Read without ASM, which is loaded only to patch the class.
            String returned = descriptor.substring(descriptor.indexOf(')') + 1);
            if (!returned.startsWith("L") || expectedType != null && !returned.equals("L" + expectedType + ";")) {
                throw new IllegalArgumentException(name + descriptor + " does not return " + (expectedType != null
                        ? expectedType : "an object"));
            }
            this.name = name;
            this.descriptor = descriptor;
            this.hookMethod = hookMethod;
            this.fallback = fallback;
            this.keepsValue = keepsValue;
            this.type = returned.substring(1, returned.length() - 1);
        }

        /**
         * A method returning an object of a JDK type (a stream, say), which returns its own value when the
         * hook cannot be called: for values that hold no text themselves.
         */
        public static Target keepingValueOnFailure(String name, String descriptor, String hookMethod) {
            return new Target(name, descriptor, hookMethod, null, true, null);
        }

        /**
         * A method returning an object that holds text (an event to serialise), which returns null when
         * the hook cannot be called: nothing is sent rather than a secret.
         */
        public static Target nullOnFailure(String name, String descriptor, String hookMethod) {
            return new Target(name, descriptor, hookMethod, null, false, null);
        }

        /** The method, named with its descriptor: {@code write([B)V}. */
        @Override
        public String toString() {
            return name + descriptor;
        }
    }

    /**
     * For a class that may not be loaded yet, named as in class files ({@code a/b/C}); the hook class is
     * named because it is loaded through the system class loader when a patched method runs.
     */
    public ReturnValuePatch(String patchedInternalName, String hookClassName, List<Target> targets) {
        super(patchedInternalName, hookClassName, targets);
    }

    @Override
    MethodVisitor patchMethod(MethodVisitor mv, int access, String name, String descriptor, ClassReader reader,
                              HookAccessors hooks) {
        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return mv;
        }
        for (Target t : targets) {
            if (t.name.equals(name) && t.descriptor.equals(descriptor)) {
                int[] shape = shape(reader, name, descriptor);
                return new HookCall(mv, t, shape[0], shape[1], hooks);
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
        private final HookAccessors hooks;
        private int returns;

        HookCall(MethodVisitor mv, Target target, int maxLocals, int returnCount, HookAccessors hooks) {
            super(Opcodes.ASM9, mv);
            this.hooks = hooks;
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
            hooks.emit(mv, hookClass, target.hookMethod,
                    Collections.singletonList(new HookInvocation.Argument(HookInvocation.OBJECT, slot)));
            super.visitTypeInsn(Opcodes.CHECKCAST, target.type);
            super.visitLabel(block[1]);
            super.visitInsn(Opcodes.ARETURN);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            if (returns > 0) {
                super.visitLabel(handler);
                if (hooks.frames()) {
                    Object[] locals = new Object[0];
                    if (target.keepsValue) {
                        // Every local unknown but the value, stored before each try block began.
                        locals = new Object[slot + 1];
                        Arrays.fill(locals, Opcodes.TOP);
                        locals[slot] = target.type;
                    }
                    super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
                }
                super.visitInsn(Opcodes.POP);
                if (target.keepsValue) {
                    super.visitVarInsn(Opcodes.ALOAD, slot);
                } else if (target.fallback == null) {
                    super.visitInsn(Opcodes.ACONST_NULL);
                } else {
                    super.visitLdcInsn(target.fallback);
                }
                super.visitInsn(Opcodes.ARETURN);
            }
            // The call runs on what lay under the returned value, at most maxStack - 1 values.
            super.visitMaxs(Math.max(maxStack, maxStack - 1 + HookInvocation.MAX_STACK), Math.max(maxLocals, slot + 1));
        }
    }
}
