package dev.logredact.it;

import dev.logredact.it.apps.Scenario;
import dev.logredact.it.apps.Slf4jApp;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.logredact.it.SerializedEvents.call;
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
    /** What a receiver may read of a classic event: Logback's and SLF4J's value classes, and the JDK's basic ones. */
    private static final String EVENT_CLASSES = "ch.qos.logback.classic.spi.*;ch.qos.logback.classic.Level;org.slf4j.**;"
            + "java.util.*;java.lang.*";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"logback-1.2.13", "logback-1.5.38"})
    void serialisedEventsAreMasked(String version) throws Exception {
        Path libraries = FrameworkLogs.libraries(version);
        Path received = dir.resolve("received");
        try (URLClassLoader logback = SerializedEvents.loader(libraries);
             LoopbackReceiver<List<Object>> socket = new LoopbackReceiver<>(received,
                     in -> SerializedEvents.read(in, logback, EVENT_CLASSES, 7))) {
            Path config = dir.resolve("logback.xml");
            Files.write(config, ("<configuration>\n"
                    + "  <appender name=\"SOCKET\" class=\"ch.qos.logback.classic.net.SocketAppender\">\n"
                    + "    <remoteHost>127.0.0.1</remoteHost><port>" + socket.port() + "</port>\n"
                    + "  </appender>\n"
                    + "  <root level=\"INFO\"><appender-ref ref=\"SOCKET\"/></root>\n"
                    + "</configuration>\n").getBytes(StandardCharsets.UTF_8));
            AgentJar.Run run = socket.runApp(Slf4jApp.class, libraries, "-Dlogback.configurationFile=" + config);
            assertEquals(0, run.exitCode, run.stderr);
            List<Object> got = socket.get();

            String bytes = new String(socket.wire(), StandardCharsets.ISO_8859_1);
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
}
