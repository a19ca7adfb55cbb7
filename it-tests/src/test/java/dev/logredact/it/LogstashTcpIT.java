package dev.logredact.it;

import dev.logredact.it.apps.Slf4jApp;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The agent on logstash-logback-encoder's {@code LogstashTcpSocketAppender}, which writes its encoder's
 * JSON to the socket itself: a server in the test reads the JSON lines from the app's JVM, and they hold
 * no secret, every line parses, and the masks are there; the same events in a JSON file appender are
 * masked too, and every secret is counted once.
 */
class LogstashTcpIT {
    @TempDir
    Path dir;

    /** The versions whose directory has logstash-logback-encoder (7.4, 8.1). */
    @ParameterizedTest
    @ValueSource(strings = {"logback-1.3.16", "logback-1.5.38"})
    void jsonLinesSentAreMasked(String version) throws Exception {
        Path libraries = FrameworkLogs.libraries(version);
        Path received = dir.resolve("received");
        Path sent = dir.resolve("sent.json");
        Path file = dir.resolve("file.json");
        try (LoopbackReceiver<String> tcp = new LoopbackReceiver<>(received, LogstashTcpIT::sevenLines)) {
            Path config = dir.resolve("logback.xml");
            String encoder = "<encoder class=\"net.logstash.logback.encoder.LogstashEncoder\"/>";
            Files.write(config, ("<configuration>\n"
                    + "  <appender name=\"TCP\" class=\"net.logstash.logback.appender.LogstashTcpSocketAppender\">\n"
                    + "    <destination>127.0.0.1:" + tcp.port() + "</destination>" + encoder + "\n"
                    + "  </appender>\n"
                    + "  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\">\n"
                    + "    <file>" + file + "</file>" + encoder + "\n"
                    + "  </appender>\n"
                    + "  <root level=\"INFO\"><appender-ref ref=\"TCP\"/><appender-ref ref=\"FILE\"/></root>\n"
                    + "</configuration>\n").getBytes(StandardCharsets.UTF_8));

            AgentJar.Run run = tcp.runApp(Slf4jApp.class, libraries, "-Dlogback.configurationFile=" + config);
            assertEquals(0, run.exitCode, run.stderr);
            Files.write(sent, tcp.get().getBytes(StandardCharsets.UTF_8));

            FrameworkLogs.assertJson("the socket's JSON lines", FrameworkLogs.read(sent));
            FrameworkLogs.assertJson("file.json", FrameworkLogs.read(file));
            // stderr: printStackTrace.
            FrameworkLogs.assertCountedOnce(run, Arrays.asList(sent, file), "logback", "stderr");
        }
    }

    /** The scenario's seven JSON lines. */
    private static String sevenLines(InputStream socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line; lines.size() < 7 && (line = in.readLine()) != null; ) {
            lines.add(line);
        }
        return String.join("\n", lines) + "\n";
    }
}
