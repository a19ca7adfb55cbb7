package dev.logredact.attach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Patches methods of one class (a JDK class, or a build tool's such as Surefire's event encoder) to
 * call an agent hook at entry, in JDK types only:
 *
 * <pre>
 * try {
 *     subject = (Type) HOOKS.getMethod(HOOK_METHOD, Object.class).invoke(null, subject);   // or the result is dropped
 * } catch (Throwable ignored) {
 * }
 * </pre>
 *
 * where the subject is the first argument of a static method or {@code this}, or a chosen argument
 * ({@link Target#replacingArgument}), and HOOKS the agent's hook class ({@link HookInvocation}).
 * Reflection opens no JDK package; the hooked methods ({@code System.setOut},
 * {@code ProcessBuilder.start}, Surefire's once-per-test-class property event) run rarely, so finding
 * the hook on every call costs nothing that matters. Written into the class file directly
 * ({@link ClassFilePatch}), because this runs in every JVM and loading a bytecode library for it costs
 * more than the rest of premain; a logging library's classes get the same hook through ASM
 * ({@link LibraryEntryHookPatch}).
 */
public final class EntryHookPatch extends ClassFilePatch {
    /** One method to patch and the hook it calls. */
    public static final class Target {
        final String name;
        final String descriptor;
        final String hookMethod;
        final boolean replacesSubject;
        /** The argument passed to the hook, counted from 0 without {@code this}; -1 for local variable 0. */
        final int argument;
        /** Whether {@code this} goes to the hook before the argument, for a hook that decides by the instance. */
        final boolean withReceiver;
        /** Whether the argument becomes null when the hook cannot be called, rather than stay as it was. */
        final boolean nullOnFailure;

        /**
         * @param replacesSubject the hook's result replaces the subject (which must then be the first
         *     argument of a static method); otherwise the result is ignored
         */
        public Target(String name, String descriptor, String hookMethod, boolean replacesSubject) {
            this(name, descriptor, hookMethod, replacesSubject, -1, false, false);
        }

        private Target(String name, String descriptor, String hookMethod, boolean replacesSubject, int argument,
                       boolean withReceiver, boolean nullOnFailure) {
            this.name = name;
            this.descriptor = descriptor;
            this.hookMethod = hookMethod;
            this.replacesSubject = replacesSubject;
            this.argument = argument;
            this.withReceiver = withReceiver;
            this.nullOnFailure = nullOnFailure;
        }

        /**
         * Passes argument {@code index} (from 0, {@code this} not counted) of a static or instance method
         * to the hook and replaces it with the hook's result; the argument must be of a reference type.
         */
        public static Target replacingArgument(String name, String descriptor, String hookMethod, int index) {
            List<String> arguments = HookInvocation.argumentDescriptors(descriptor);
            if (index < 0 || index >= arguments.size() || !isReference(arguments.get(index))) {
                throw new IllegalArgumentException(name + descriptor + " has no reference argument " + index);
            }
            return new Target(name, descriptor, hookMethod, true, index, false, false);
        }

        /**
         * As {@link #replacingArgument}, for an instance method whose hook takes {@code this} first:
         * {@code hook(Object self, Object argument)}.
         */
        public static Target replacingArgumentSeeingReceiver(String name, String descriptor, String hookMethod, int index) {
            Target t = replacingArgument(name, descriptor, hookMethod, index);
            return new Target(t.name, t.descriptor, t.hookMethod, true, index, true, false);
        }

        /**
         * As {@link #replacingArgument}, but the argument becomes null when the hook cannot be called: for
         * an object that holds text (an event to serialise) in a method that does nothing with null, so
         * nothing is sent rather than a secret. Only a library class's patch ({@link LibraryEntryHookPatch}).
         */
        static Target replacingArgumentOrNull(String name, String descriptor, String hookMethod, int index) {
            Target t = replacingArgument(name, descriptor, hookMethod, index);
            return new Target(t.name, t.descriptor, t.hookMethod, true, index, false, true);
        }

        /** What the hook is called with: the subject in local variable {@code slot}, after {@code this} if asked. */
        List<HookInvocation.Argument> hookArguments(int slot) {
            HookInvocation.Argument subject = new HookInvocation.Argument(HookInvocation.OBJECT, slot);
            return withReceiver ? Arrays.asList(new HookInvocation.Argument(HookInvocation.OBJECT, 0), subject)
                    : Collections.singletonList(subject);
        }

        /** The method, named with its descriptor: {@code write([B)V}. */
        @Override
        public String toString() {
            return name + descriptor;
        }
    }

    private static boolean isReference(String descriptor) {
        return descriptor.startsWith("L") || descriptor.startsWith("[");
    }

    private final String hookClass;
    private final List<Target> targets;

    public EntryHookPatch(Class<?> patched, Class<?> hooks, List<Target> targets) {
        this(patched.getName().replace('.', '/'), hooks.getName(), targets);
    }

    /**
     * For a class not loaded yet, named as in class files ({@code a/b/C}); the hook class is named
     * because it is loaded through the system class loader when a patched method runs.
     */
    public EntryHookPatch(String patchedInternalName, String hookClassName, List<Target> targets) {
        super(patchedInternalName);
        for (Target t : targets) {
            if (t.nullOnFailure) {
                throw new IllegalArgumentException(t + ": a JDK class's patch keeps its argument when the hook fails");
            }
        }
        this.hookClass = hookClassName;
        this.targets = new ArrayList<>(targets);
    }

    @Override
    List<String> methodNames() {
        List<String> names = new ArrayList<>(targets.size());
        for (Target t : targets) {
            names.add(t.name);
        }
        return names;
    }

    @Override
    boolean prologue(int access, String name, String descriptor, Bytecode code) {
        for (Target t : targets) {
            if (t.name.equals(name) && t.descriptor.equals(descriptor)) {
                hookCall(t, (access & 0x0008) != 0, code);
                return true;
            }
        }
        return false;
    }

    /**
     * <pre>
     * try { subject = (Type) hook(subject); } catch (Throwable ignored) { }   // or the result dropped
     * </pre>
     */
    private void hookCall(Target target, boolean isStatic, Bytecode code) {
        int slot;
        String type;
        if (target.argument < 0) {
            slot = 0;
            type = code.locals.isEmpty() ? null : code.locals.get(0);
        } else {
            List<String> arguments = HookInvocation.argumentDescriptors(target.descriptor);
            slot = isStatic ? 0 : 1;
            for (int i = 0; i < target.argument; i++) {
                slot += HookInvocation.size(arguments.get(i));
            }
            type = arguments.get(target.argument);
        }
        Bytecode.Label start = new Bytecode.Label();
        Bytecode.Label end = new Bytecode.Label();
        Bytecode.Label handler = new Bytecode.Label();
        Bytecode.Label after = new Bytecode.Label();
        code.tryCatch(start, end, handler, "java/lang/Throwable");
        code.mark(start);
        HookInvocation.emit(code, hookClass, target.hookMethod, target.hookArguments(slot));
        if (target.replacesSubject) {
            code.typeInsn(Bytecode.CHECKCAST, type.startsWith("L") ? type.substring(1, type.length() - 1) : type);
            code.varInsn(Bytecode.ASTORE, slot);
        } else {
            code.insn(Bytecode.POP);
        }
        code.mark(end);
        code.jump(Bytecode.GOTO, after);
        code.ignoreAndJoin(handler, after);
    }
}
