package dev.logredact.attach;

import dev.logredact.config.Hook;

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The patches of already loaded JDK classes, applied in one retransformation: each retransformation
 * is a pass over the JVM's classes, paid at the start-up of every JVM of a build.
 */
final class JdkPatches {
    private final List<Class<?>> classes = new ArrayList<>();
    private final List<String> losses = new ArrayList<>();
    /** Loss per JDK class patched by name (binary name), looked for among the loaded classes in {@link #apply}. */
    private final Map<String, String> named = new HashMap<>();
    private FrameworkPatches frameworks;

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
        named.put(internalName.replace('/', '.'), loss);
    }

    /**
     * The logging-framework patches: one transformer for all, and the framework classes loaded already
     * (when the agent attaches late) retransformed with the others.
     */
    void addFrameworks(Instrumentation instrumentation, FrameworkPatches frameworks) {
        instrumentation.addTransformer(frameworks, true);
        this.frameworks = frameworks;
    }

    /**
     * The loaded classes patched by name or by a framework patch: one pass over the JVM's classes for
     * all of them, since a JVM holds a thousand classes at start-up and each pass looks at every one.
     */
    private void addLoaded(Instrumentation instrumentation) {
        if (named.isEmpty() && frameworks == null) {
            return;
        }
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            String name = loaded.getName();
            boolean boot = loaded.getClassLoader() == null;
            String loss = boot ? named.get(name) : null;
            // Frameworks are libraries, or JUL's formatters in the JDK: other JDK classes are not looked up.
            if (loss == null && frameworks != null && (!boot || name.startsWith("java.util.logging."))) {
                Hook hook = frameworks.framework(name.replace('.', '/'));
                loss = hook == null ? null : FrameworkPatches.loss(hook);
            }
            if (loss != null) {
                classes.add(loaded);
                losses.add(loss);
            }
        }
    }

    void apply(Instrumentation instrumentation, PrintStream err) {
        addLoaded(instrumentation);
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
