package dev.logredact.attach;

import dev.logredact.config.Hook;

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * The patches of already loaded JDK classes, applied in one retransformation: each retransformation
 * is a pass over the JVM's classes, paid at the start-up of every JVM of a build.
 */
final class JdkPatches {
    private final List<Class<?>> classes = new ArrayList<>();
    private final List<String> losses = new ArrayList<>();
    private Class<?>[] loadedAtStart;

    /**
     * @param loss what is not masked when the patch cannot be applied, for the warning
     */
    void add(Instrumentation instrumentation, Class<?> patched, ClassFileTransformer transformer, String loss) {
        instrumentation.addTransformer(transformer, true);
        classes.add(patched);
        losses.add(loss);
    }

    /**
     * For a JDK class that may not be loaded yet, named as in class files ({@code a/b/C}): it is patched
     * as it loads, and retransformed with the others only if it was loaded already.
     */
    void addByName(Instrumentation instrumentation, String internalName, ClassFileTransformer transformer, String loss) {
        instrumentation.addTransformer(transformer, true);
        String name = internalName.replace('/', '.');
        for (Class<?> loaded : loaded(instrumentation)) {
            if (loaded.getName().equals(name) && loaded.getClassLoader() == null) {
                classes.add(loaded);
                losses.add(loss);
            }
        }
    }

    /**
     * The logging-framework patches: one transformer for all, and the framework classes loaded already
     * (when the agent attaches late) retransformed with the others.
     */
    void addFrameworks(Instrumentation instrumentation, FrameworkPatches frameworks) {
        instrumentation.addTransformer(frameworks, true);
        for (Class<?> loaded : loaded(instrumentation)) {
            Hook hook = frameworks.framework(loaded.getName().replace('.', '/'));
            if (hook != null) {
                classes.add(loaded);
                losses.add(FrameworkPatches.loss(hook));
            }
        }
    }

    /** The classes loaded at start-up, listed once: the list costs a pass over every class of the JVM. */
    private Class<?>[] loaded(Instrumentation instrumentation) {
        if (loadedAtStart == null) {
            loadedAtStart = instrumentation.getAllLoadedClasses();
        }
        return loadedAtStart;
    }

    void apply(Instrumentation instrumentation, PrintStream err) {
        if (classes.isEmpty()) {
            return;
        }
        if (!instrumentation.isRetransformClassesSupported()) {
            err.println("logredact: warning: this JVM cannot retransform classes, so " + String.join("; ", losses));
            return;
        }
        try {
            instrumentation.retransformClasses(classes.toArray(new Class<?>[0]));
        } catch (Throwable t) {
            err.println("logredact: warning: JDK classes could not be patched (" + t + "), so " + String.join("; ", losses));
        }
    }
}
