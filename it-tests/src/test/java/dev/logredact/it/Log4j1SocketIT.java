package dev.logredact.it;

import dev.logredact.it.apps.Log4j1App;
import dev.logredact.it.apps.Log4j1SocketApp;
import dev.logredact.it.apps.Scenario;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent on Log4j 1.2.17's and reload4j's socket appenders, which send Java-serialised events (no
 * text passes a {@code QuietWriter}): a {@code SocketAppender} sends to a server in the test, a
 * {@code SocketHubAppender} replays what it holds to the test when it connects, and a file appender
 * gets the same events after the hub. The events are read back with the version's own classes, and only
 * Log4j's event classes and the JDK's it needs: message, NDC, MDC value and the throwable's text arrive
 * masked, no byte on either wire holds a secret, and the agent counts exactly the masks received,
 * written and printed.
 */
class Log4j1SocketIT {
    private static final String PAT_MASK = FrameworkLogs.PAT_MASK;
    /** All a receiver of Log4j 1 events needs to read (a Hashtable checks its table as a Map.Entry array). */
    private static final String EVENT_CLASSES = "org.apache.log4j.spi.LoggingEvent;org.apache.log4j.spi.ThrowableInformation;"
            + "org.apache.log4j.spi.LocationInfo;java.util.Hashtable;java.util.Map$Entry;java.lang.String";
    /** The NDC's event, then the scenario's seven. */
    private static final int EVENTS = 8;

    @TempDir
    Path dir;

    /** What the two appenders sent. */
    private record Sent(List<Object> socket, List<Object> hub, byte[] hubWire) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"log4j-1.2.17", "reload4j-1.2.26"})
    void serialisedEventsAreMasked(String version) throws Exception {
        Path libraries = FrameworkLogs.libraries(version);
        Path file = dir.resolve("app.log");
        int hubPort = freePort();
        try (URLClassLoader log4j = SerializedEvents.loader(libraries);
             LoopbackReceiver<Sent> socket = new LoopbackReceiver<>(dir.resolve("received"), in -> {
                 List<Object> events = SerializedEvents.read(in, log4j, EVENT_CLASSES, EVENTS);
                 return fromHub(events, hubPort, log4j);
             })) {
            Path config = dir.resolve("log4j.properties");
            // The hub first: it holds each event by the time the socket has sent it; the file after the hub.
            Files.write(config, ("log4j.rootLogger=INFO, HUB, FILE, SOCKET\n"
                    + "log4j.appender.HUB=org.apache.log4j.net.SocketHubAppender\n"
                    + "log4j.appender.HUB.Port=" + hubPort + "\n"
                    + "log4j.appender.HUB.BufferSize=16\n"
                    + "log4j.appender.FILE=org.apache.log4j.FileAppender\n"
                    + "log4j.appender.FILE.File=" + file + "\n"
                    + "log4j.appender.FILE.layout=org.apache.log4j.PatternLayout\n"
                    + "log4j.appender.FILE.layout.ConversionPattern=%-5p %c [%X{session}] [%x] - %m%n\n"
                    + "log4j.appender.SOCKET=org.apache.log4j.net.SocketAppender\n"
                    + "log4j.appender.SOCKET.RemoteHost=127.0.0.1\n"
                    + "log4j.appender.SOCKET.Port=" + socket.port() + "\n"
                    + "log4j.appender.SOCKET.LocationInfo=true\n").getBytes(StandardCharsets.ISO_8859_1));

            AgentJar.Run run = socket.runApp(Log4j1SocketApp.class, libraries, "-Dlog4j.configuration=" + config.toUri());
            assertEquals(0, run.exitCode, run.stderr);
            Sent sent = socket.get();

            FrameworkLogs.assertNoSecret("the SocketAppender's bytes", new String(socket.wire(), StandardCharsets.ISO_8859_1));
            FrameworkLogs.assertNoSecret("the SocketHubAppender's bytes", new String(sent.hubWire(), StandardCharsets.ISO_8859_1));
            assertMasked("SocketAppender", sent.socket());
            assertMasked("SocketHubAppender", sent.hub());
            assertEquals("main", call(call(sent.socket().get(0), "getLocationInformation"), "getMethodName"));
            assertEquals(Log4j1SocketApp.class.getName(),
                    call(call(sent.socket().get(0), "getLocationInformation"), "getClassName"));
            FrameworkLogs.assertNoSecret("app.log", FrameworkLogs.read(file));
            assertTrue(FrameworkLogs.read(file).contains("[job " + PAT_MASK + "] - in job"), FrameworkLogs.read(file));

            Path received = dir.resolve("received.txt");
            Files.write(received, (texts(sent.socket()) + texts(sent.hub())).getBytes(StandardCharsets.UTF_8));
            // stderr: printStackTrace. The file's masks counted as well: the sockets' copies left its events alone.
            FrameworkLogs.assertCountedOnce(run, Arrays.asList(received, file), "log4j1", "stderr");
        }
    }

    /** The socket's events, and those the hub replays to a client that connects now. */
    private static Sent fromHub(List<Object> socketEvents, int port, ClassLoader log4j) throws Exception {
        try (Socket hub = connect(port)) {
            hub.setSoTimeout(30_000);
            RecordedInput wire = new RecordedInput(hub.getInputStream());
            List<Object> events = SerializedEvents.read(wire, log4j, EVENT_CLASSES, EVENTS);
            return new Sent(socketEvents, events, wire.bytes());
        }
    }

    /** The hub listens from a thread of its own, started when it was configured; it is given a few seconds. */
    private static Socket connect(int port) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), port);
            } catch (IOException e) {
                if (attempt == 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void assertMasked(String where, List<Object> events) throws Exception {
        List<String> messages = new ArrayList<>();
        for (Object e : events) {
            messages.add((String) call(e, "getRenderedMessage"));
        }
        assertEquals(Arrays.asList("in job", "message token " + PAT_MASK, "parameter token " + PAT_MASK, "in session",
                "config {\"password\":\"" + FrameworkLogs.PASSWORD_MASK + "\"}", "deploy with " + FrameworkLogs.TOKEN_MASK,
                "request failed", "done"), messages, where);
        assertEquals("job " + PAT_MASK, call(events.get(0), "getNDC"), where);
        assertEquals(Log4j1SocketApp.class.getName(), call(events.get(0), "getLoggerName"), where);
        assertEquals(Log4j1App.class.getName(), call(events.get(1), "getLoggerName"), where);
        assertEquals("WARN", String.valueOf(call(events.get(2), "getLevel")), where);
        assertEquals(PAT_MASK, ((Map<?, ?>) call(events.get(3), "getProperties")).get(Scenario.SESSION_KEY), where);
        List<String> trace = new ArrayList<>();
        for (String line : (String[]) call(events.get(6), "getThrowableStrRep")) {
            trace.add(line.trim());
        }
        assertTrue(trace.containsAll(FrameworkLogs.exceptionLines()), where + ": " + trace);
        assertTrue(trace.size() > 3, where + ": the frames are sent too: " + trace);
    }

    /** Each text a receiver shows of the events: message, NDC, MDC values, throwable lines. */
    private static String texts(List<Object> events) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Object e : events) {
            sb.append(call(e, "getRenderedMessage")).append('\n');
            sb.append(call(e, "getNDC")).append('\n');
            for (Object value : ((Map<?, ?>) call(e, "getProperties")).values()) {
                sb.append(value).append('\n');
            }
            String[] trace = (String[]) call(e, "getThrowableStrRep");
            if (trace != null) {
                sb.append(String.join("\n", trace)).append('\n');
            }
        }
        return sb.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
