package dev.logredact.it;

import dev.logredact.it.apps.Slf4jApp;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The agent on what real Logback appenders write, one JVM per version: the console, a file, a rolling
 * file and a prudent file (which takes its own write path since 1.3.9/1.4.9), and where the version's
 * directory has logstash-logback-encoder, a JSON file whose encoder escapes {@code /} and {@code =} too.
 */
class LogbackIT {
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger [%X{session}] - %msg%n";

    @TempDir
    Path dir;

    /** 1.2 and 1.3.8 write through writeBytes, the later ones through writeByteArrayToOutputStreamWithPossibleFlush. */
    @ParameterizedTest
    @ValueSource(strings = {"logback-1.2.13", "logback-1.3.8", "logback-1.3.16", "logback-1.4.14", "logback-1.5.38", "logback-1.6.6"})
    void everyAppenderIsMaskedOnce(String version) throws Exception {
        Path libraries = FrameworkLogs.libraries(version);
        boolean json = FrameworkLogs.has(libraries, "logstash-logback-encoder");
        List<Path> texts = Arrays.asList(dir.resolve("app.log"), dir.resolve("rolling.log"), dir.resolve("prudent.log"));
        Path config = dir.resolve("logback.xml");
        Files.write(config, configuration(texts, json ? dir.resolve("json.log") : null).getBytes(StandardCharsets.UTF_8));

        AgentJar.Run run = FrameworkLogs.run(Slf4jApp.class, libraries, "-Dlogback.configurationFile=" + config);

        List<String> events = FrameworkLogs.events(FrameworkLogs.pattern(Slf4jApp.class));
        FrameworkLogs.assertText("console", run.out(), events);
        for (Path file : texts) {
            FrameworkLogs.assertText(file.getFileName().toString(), FrameworkLogs.read(file), events);
        }
        List<Path> files = new ArrayList<>(texts);
        if (json) {
            FrameworkLogs.assertJson("json.log", FrameworkLogs.read(dir.resolve("json.log")));
            files.add(dir.resolve("json.log"));
        }
        // stderr: printStackTrace. The console appender's bytes are masked once, by System.out, which
        // they pass anyway; the file appenders' in the appender.
        FrameworkLogs.assertCountedOnce(run, files, "logback", "stderr", "stdout");
    }

    /**
     * The console appender is left to System.out's masking only while System.out masks: with stdout
     * not instrumented, the appender masks its console bytes itself.
     */
    @Test
    void theConsoleAppenderMasksItselfWhenStandardOutputIsNotMasked() throws Exception {
        Path libraries = FrameworkLogs.libraries("logback-1.5.38");
        List<Path> texts = Arrays.asList(dir.resolve("app.log"), dir.resolve("rolling.log"), dir.resolve("prudent.log"));
        Path config = dir.resolve("logback.xml");
        Files.write(config, configuration(texts, null).getBytes(StandardCharsets.UTF_8));

        AgentJar.Run run = FrameworkLogs.run(Slf4jApp.class, libraries, "-Dlogback.configurationFile=" + config,
                "-Dlogredact.instrument=stderr,logback");

        FrameworkLogs.assertText("console", run.out(), FrameworkLogs.events(FrameworkLogs.pattern(Slf4jApp.class)));
        FrameworkLogs.assertCountedOnce(run, texts, "logback", "stderr");
    }

    /** A console appender and the file, rolling and prudent file appenders of {@code texts}; JSON to {@code json} when set. */
    static String configuration(List<Path> texts, Path json) {
        String encoder = "<encoder><pattern>" + PATTERN + "</pattern></encoder>";
        StringBuilder sb = new StringBuilder("<configuration>\n")
                .append("  <appender name=\"CONSOLE\" class=\"ch.qos.logback.core.ConsoleAppender\">").append(encoder).append("</appender>\n")
                .append("  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\">\n")
                .append("    <file>").append(texts.get(0)).append("</file>").append(encoder).append("\n")
                .append("  </appender>\n")
                .append("  <appender name=\"ROLLING\" class=\"ch.qos.logback.core.rolling.RollingFileAppender\">\n")
                .append("    <file>").append(texts.get(1)).append("</file>\n")
                .append("    <rollingPolicy class=\"ch.qos.logback.core.rolling.TimeBasedRollingPolicy\">\n")
                .append("      <fileNamePattern>").append(texts.get(1)).append(".%d{yyyy-MM-dd}</fileNamePattern>\n")
                .append("    </rollingPolicy>").append(encoder).append("\n")
                .append("  </appender>\n")
                .append("  <appender name=\"PRUDENT\" class=\"ch.qos.logback.core.FileAppender\">\n")
                .append("    <file>").append(texts.get(2)).append("</file><prudent>true</prudent>").append(encoder).append("\n")
                .append("  </appender>\n");
        String refs = "<appender-ref ref=\"CONSOLE\"/><appender-ref ref=\"FILE\"/><appender-ref ref=\"ROLLING\"/><appender-ref ref=\"PRUDENT\"/>";
        if (json != null) {
            // Escapes as some JSON writers do: '/' as \/ and '=' as \u003d (Gson's HTML-safe form).
            sb.append("  <appender name=\"JSON\" class=\"ch.qos.logback.core.FileAppender\">\n")
                    .append("    <file>").append(json).append("</file>\n")
                    .append("    <encoder class=\"net.logstash.logback.encoder.LogstashEncoder\">\n")
                    .append("      <jsonFactoryDecorator class=\"net.logstash.logback.decorate.CharacterEscapesJsonFactoryDecorator\">\n")
                    .append("        <escape><targetCharacterCode>47</targetCharacterCode><escapeSequence>\\/</escapeSequence></escape>\n")
                    .append("        <escape><targetCharacterCode>61</targetCharacterCode><escapeSequence>\\u003d</escapeSequence></escape>\n")
                    .append("      </jsonFactoryDecorator>\n")
                    .append("    </encoder>\n")
                    .append("  </appender>\n");
            refs += "<appender-ref ref=\"JSON\"/>";
        }
        return sb.append("  <root level=\"INFO\">").append(refs).append("</root>\n</configuration>\n").toString();
    }
}
