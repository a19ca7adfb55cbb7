package dev.logredact.attach;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.List;

/**
 * The hook at entry of {@link EntryHookPatch}, for a logging library's class (Logback's appender, Log4j's
 * encoders and writers): written with ASM, which a library class needs and the JDK's do not, so that
 * the class patched as it loads keeps the hook it found ({@link HookAccessors}) rather than finding it on
 * every log event; and a class file older than Java 6 gets no stack map frames.
 */
final class LibraryEntryHookPatch extends MethodPatch<EntryHookPatch.Target> {
    /** For a class not loaded yet, named as in class files ({@code a/b/C}). */
    LibraryEntryHookPatch(String patchedInternalName, String hookClassName, List<EntryHookPatch.Target> targets) {
        super(patchedInternalName, hookClassName, targets);
    }

    @Override
    MethodVisitor patchMethod(MethodVisitor mv, int access, String name, String descriptor, ClassReader reader,
                              HookAccessors hooks) {
        for (EntryHookPatch.Target t : targets) {
            if (t.name.equals(name) && t.descriptor.equals(descriptor)) {
                return new HookCall(mv, t, HookAccessors.frameLocals(internalName, access, descriptor),
                        (access & Opcodes.ACC_STATIC) != 0, hooks);
            }
        }
        return mv;
    }

    private final class HookCall extends MethodVisitor {
        private final EntryHookPatch.Target target;
        private final Object[] locals;
        private final HookAccessors hooks;
        /** The local variable holding the subject, and its type as CHECKCAST takes it. */
        private final int slot;
        private final String type;

        HookCall(MethodVisitor mv, EntryHookPatch.Target target, Object[] locals, boolean isStatic, HookAccessors hooks) {
            super(Opcodes.ASM9, mv);
            this.target = target;
            this.locals = locals;
            this.hooks = hooks;
            if (target.argument < 0) {
                slot = 0;
                type = locals[0] instanceof String ? (String) locals[0] : null;
            } else {
                List<String> arguments = HookInvocation.argumentDescriptors(target.descriptor);
                int s = isStatic ? 0 : 1;
                for (int i = 0; i < target.argument; i++) {
                    s += HookInvocation.size(arguments.get(i));
                }
                slot = s;
                type = HookAccessors.internalName(arguments.get(target.argument));
            }
        }

        @Override
        public void visitCode() {
            super.visitCode();
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            Label after = new Label();
            visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
            visitLabel(start);
            hooks.emit(this, hookClass, target.hookMethod, target.hookArguments(slot));
            if (target.replacesSubject) {
                visitTypeInsn(Opcodes.CHECKCAST, type);
                visitVarInsn(Opcodes.ASTORE, slot);
            } else {
                visitInsn(Opcodes.POP);
            }
            visitLabel(end);
            visitJumpInsn(Opcodes.GOTO, after);
            visitLabel(handler);
            if (hooks.frames()) {
                visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            }
            visitInsn(Opcodes.POP);
            if (target.nullOnFailure) {
                visitInsn(Opcodes.ACONST_NULL);
                visitVarInsn(Opcodes.ASTORE, slot);
            }
            visitLabel(after);
            if (hooks.frames()) {
                visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
            }
        }

        /** The hook call runs on the empty stack of the method's entry. */
        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(Math.max(maxStack, HookInvocation.MAX_STACK), maxLocals);
        }
    }
}
