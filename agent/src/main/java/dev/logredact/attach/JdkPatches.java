package dev.logredact.attach;

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
    private final Map<String, Named> named = new HashMap<>();

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
        addNamed(instrumentation, internalName, transformer, loss, true);
    }

    /** As {@link #addByName}, for a library class, in whichever class loaders loaded it already. */
    void addLibraryByName(Instrumentation instrumentation, String internalName, ClassFileTransformer transformer,
                          String loss) {
        addNamed(instrumentation, internalName, transformer, loss, false);
    }

    private void addNamed(Instrumentation instrumentation, String internalName, ClassFileTransformer transformer,
                          String loss, boolean bootstrapOnly) {
        instrumentation.addTransformer(transformer, true);
        named.put(internalName.replace('/', '.'), new Named(loss, bootstrapOnly));
    }

    /** A class patched by name, whose loaded copies are looked for once, for all names, in {@link #apply}. */
    private static final class Named {
        final String loss;
        final boolean bootstrapOnly;

        Named(String loss, boolean bootstrapOnly) {
            this.loss = loss;
            this.bootstrapOnly = bootstrapOnly;
        }
    }

    /**
     * The loaded classes with a name patched by name: one pass over the JVM's classes for all of them,
     * since a JVM holds a thousand classes at start-up and each pass compares every name.
     */
    private void addLoadedNamed(Instrumentation instrumentation) {
        if (named.isEmpty()) {
            return;
        }
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            Named n = named.get(loaded.getName());
            if (n != null && (!n.bootstrapOnly || loaded.getClassLoader() == null)) {
                classes.add(loaded);
                losses.add(n.loss);
            }
        }
    }

    void apply(Instrumentation instrumentation, PrintStream err) {
        addLoadedNamed(instrumentation);
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
