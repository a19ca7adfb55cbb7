package dev.logredact.it;

import dev.logredact.it.apps.Scenario;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent on Logback classic's {@code SocketAppender}, which sends Java-serialised events (no
 * encoder's bytes): a server in the test receives them from the app's JVM, and neither the bytes on the
 * wire nor the events read back (with the version's own classes) hold a secret; the messages, MDC value
 * and exception messages arrive masked.
 */
class LogbackSocketIT {
    private static final String PAT_MASK = FrameworkLogs.PAT_MASK;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"logback-1.2.13", "logback-1.5.38"})
    void serialisedEventsAreMasked(String version) throws Exception {
        Path libraries = FrameworkLogs.libraries(version);
        Path received = dir.resolve("received");
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (URLClassLoader logback = new URLClassLoader(jars(libraries), ClassLoader.getPlatformClassLoader());
             LoopbackReceiver<List<Object>> socket = new LoopbackReceiver<>(received, in -> sevenEvents(in, logback, wire))) {
            Path config = dir.resolve("logback.xml");
            Files.write(config, ("<configuration>\n"
                    + "  <appender name=\"SOCKET\" class=\"ch.qos.logback.classic.net.SocketAppender\">\n"
                    + "    <remoteHost>127.0.0.1</remoteHost><port>" + socket.port() + "</port>\n"
                    + "  </appender>\n"
                    + "  <root level=\"INFO\"><appender-ref ref=\"SOCKET\"/></root>\n"
                    + "</configuration>\n").getBytes(StandardCharsets.UTF_8));
            AgentJar.Run run = socket.runApp(libraries, config);
            assertEquals(0, run.exitCode, run.stderr);
            List<Object> got = socket.get();

            String bytes = new String(wire.toByteArray(), StandardCharsets.ISO_8859_1);
            FrameworkLogs.assertNoSecret("the socket's bytes", bytes);
            assertTrue(bytes.contains(PAT_MASK), "no mask on the wire");
            List<String> messages = new ArrayList<>();
            for (Object e : got) {
                messages.add((String) call(e, "getFormattedMessage"));
            }
            assertEquals(Arrays.asList("message token " + PAT_MASK, "parameter token " + PAT_MASK, "in session",
                    "config {\"password\":\"" + FrameworkLogs.PASSWORD_MASK + "\"}", "deploy with " + FrameworkLogs.TOKEN_MASK,
                    "request failed", "done"), messages);
            // 1.2's SocketAppender reads the MDC on its sending thread, where it is empty: the event arrives without it.
            Object session = ((Map<?, ?>) call(got.get(2), "getMDCPropertyMap")).get(Scenario.SESSION_KEY);
            assertEquals(version.equals("logback-1.2.13") ? null : PAT_MASK, session);
            Object failure = call(got.get(5), "getThrowableProxy");
            assertEquals("java.lang.IllegalStateException", call(failure, "getClassName"));
            assertEquals("bad credentials " + PAT_MASK, call(failure, "getMessage"));
            assertEquals("cause " + PAT_MASK, call(call(failure, "getCause"), "getMessage"));
            assertEquals("suppressed " + PAT_MASK, call(((Object[]) call(failure, "getSuppressed"))[0], "getMessage"));
            FrameworkLogs.assertNoSecret("stderr", run.stderr);
            assertFalse(run.stderr.contains("withheld"), run.stderr);
        }
    }

    /** The scenario's seven events, read with the version's own classes; the bytes are kept in {@code wire}. */
    private static List<Object> sevenEvents(InputStream socket, ClassLoader logback, ByteArrayOutputStream wire) throws Exception {
        InputStream tee = new FilterInputStream(socket) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    wire.write(b);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    wire.write(b, off, n);
                }
                return n;
            }
        };
        List<Object> events = new ArrayList<>();
        try (ObjectInputStream in = new ObjectInputStream(tee) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws ClassNotFoundException {
                return Class.forName(desc.getName(), false, logback);
            }
        }) {
            while (events.size() < 7) {
                events.add(in.readObject());
            }
        }
        return events;
    }

    private static Object call(Object target, String method) throws Exception {
        return target.getClass().getMethod(method).invoke(target);
    }

    private static URL[] jars(Path libraries) throws IOException {
        try (Stream<Path> files = Files.list(libraries)) {
            List<URL> urls = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".jar")).collect(Collectors.toList())) {
                urls.add(p.toUri().toURL());
            }
            return urls.toArray(new URL[0]);
        }
    }
}
