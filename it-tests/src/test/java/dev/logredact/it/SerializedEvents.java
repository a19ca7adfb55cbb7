package dev.logredact.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Java-serialised events read back as a receiver reads them: with the framework version's own classes
 * (not the test's), and only the classes a test allows, as a careful receiver would.
 */
final class SerializedEvents {
    private SerializedEvents() {
    }

    /** A loader of the framework version's jars, apart from the test's class path. */
    static URLClassLoader loader(Path libraries) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path jar : FrameworkLogs.jars(libraries)) {
            urls.add(jar.toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    /**
     * The next {@code count} objects of the stream.
     *
     * @param allowed the classes that may be read, as an {@link ObjectInputFilter} pattern; all else is refused
     */
    static List<Object> read(InputStream in, ClassLoader framework, String allowed, int count) throws Exception {
        ObjectInputStream objects = new ObjectInputStream(in) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws ClassNotFoundException {
                return Class.forName(desc.getName(), false, framework);
            }
        };
        objects.setObjectInputFilter(ObjectInputFilter.Config.createFilter(allowed + ";!*"));
        List<Object> events = new ArrayList<>();
        while (events.size() < count) {
            events.add(objects.readObject());
        }
        return events;
    }

    /** What a public getter of an event of the framework's own classes returns. */
    static Object call(Object target, String method) throws Exception {
        return target.getClass().getMethod(method).invoke(target);
    }
}
