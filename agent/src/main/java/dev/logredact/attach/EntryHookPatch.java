package dev.logredact.attach;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Patches methods of one class (a JDK class, or a build tool's such as Surefire's event encoder) to
 * call an agent hook at entry, in JDK types only:
 *
 * <pre>
 * try {
 *     subject = (Type) ClassLoader.getSystemClassLoader().loadClass(HOOK_CLASS)
 *             .getMethod(HOOK_METHOD, Object.class).invoke(null, subject);   // or the result is dropped
 * } catch (Throwable ignored) {
 * }
 * </pre>
 *
 * where the subject is the first argument of a static method or {@code this}, or a chosen argument
 * ({@link Target#replacingArgument}). Reflection through the system class loader, where
 * {@code -javaagent} puts the agent, needs no class injected into the bootstrap loader, so it costs no
 * JVM warning and opens no JDK package; the hooked methods ({@code System.setOut},
 * {@code ProcessBuilder.start}, Surefire's once-per-test-class property event) run rarely, so its cost
 * does not matter. Plain ASM, because a Byte Buddy agent builder costs hundreds of milliseconds and
 * this runs in every JVM.
 */
public final class EntryHookPatch extends MethodPatch {
    /** One method to patch and the hook it calls. */
    public static final class Target {
        final String name;
        final String descriptor;
        final String hookMethod;
        final boolean replacesSubject;
        /** The argument passed to the hook, counted from 0 without {@code this}; -1 for local variable 0. */
        final int argument;

        /**
         * @param replacesSubject the hook's result replaces the subject (which must then be the first
         *     argument of a static method); otherwise the result is ignored
         */
        public Target(String name, String descriptor, String hookMethod, boolean replacesSubject) {
            this(name, descriptor, hookMethod, replacesSubject, -1);
        }

        private Target(String name, String descriptor, String hookMethod, boolean replacesSubject, int argument) {
            this.name = name;
            this.descriptor = descriptor;
            this.hookMethod = hookMethod;
            this.replacesSubject = replacesSubject;
            this.argument = argument;
        }

        /**
         * Passes argument {@code index} (from 0, {@code this} not counted) of a static or instance method
         * to the hook and replaces it with the hook's result; the argument must be of a reference type.
         */
        public static Target replacingArgument(String name, String descriptor, String hookMethod, int index) {
            Type[] arguments = Type.getArgumentTypes(descriptor);
            if (index < 0 || index >= arguments.length || arguments[index].getSort() < Type.ARRAY) {
                throw new IllegalArgumentException(name + descriptor + " has no reference argument " + index);
            }
            return new Target(name, descriptor, hookMethod, true, index);
        }
    }

    private final String hookClass;
    private final List<Target> targets;

    public EntryHookPatch(Class<?> patched, Class<?> hooks, List<Target> targets) {
        this(Type.getInternalName(patched), hooks.getName(), targets);
    }

    /**
     * For a class not loaded yet, named as in class files ({@code a/b/C}); the hook class is named
     * because it is loaded through the system class loader when a patched method runs.
     */
    public EntryHookPatch(String patchedInternalName, String hookClassName, List<Target> targets) {
        super(patchedInternalName);
        this.hookClass = hookClassName;
        this.targets = new ArrayList<>(targets);
    }

    @Override
    String targets() {
        return targets.stream().map(t -> t.name + t.descriptor).collect(Collectors.joining(", "));
    }

    @Override
    MethodVisitor patchMethod(MethodVisitor mv, int access, String name, String descriptor, ClassReader reader,
                              HookInvocation hooks) {
        for (Target t : targets) {
            if (t.name.equals(name) && t.descriptor.equals(descriptor)) {
                return new HookCall(mv, t, HookInvocation.frameLocals(internalName, access, descriptor),
                        (access & Opcodes.ACC_STATIC) != 0, hooks);
            }
        }
        return mv;
    }

    private final class HookCall extends MethodVisitor {
        private final Target target;
        private final Object[] locals;
        private final HookInvocation hooks;
        /** The local variable holding the subject, and its type as CHECKCAST takes it. */
        private final int slot;
        private final String type;

        HookCall(MethodVisitor mv, Target target, Object[] locals, boolean isStatic, HookInvocation hooks) {
            super(Opcodes.ASM9, mv);
            this.target = target;
            this.locals = locals;
            this.hooks = hooks;
            if (target.argument < 0) {
                slot = 0;
                type = locals[0] instanceof String ? (String) locals[0] : null;
            } else {
                Type[] arguments = Type.getArgumentTypes(target.descriptor);
                int s = isStatic ? 0 : 1;
                for (int i = 0; i < target.argument; i++) {
                    s += arguments[i].getSize();
                }
                slot = s;
                type = arguments[target.argument].getInternalName();
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
            hooks.emit(this, hookClass, target.hookMethod,
                    Collections.singletonList(new HookInvocation.Argument(Type.getType(Object.class), slot)));
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
            visitLabel(after);
            if (hooks.frames()) {
                visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
            }
        }
    }
}
