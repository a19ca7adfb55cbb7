package dev.logredact.it;

import dev.logredact.it.apps.LogbackApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The agent on what real Logback appenders write, to the console and to files. */
class LogbackIT {
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger - %msg%n";

    @TempDir
    Path dir;

    @Test
    void logback15AppendersAreMasked() throws Exception {
        check(System.getProperty("logredact.it.logback15"));
    }

    @Test
    void logback12AppendersAreMasked() throws Exception {
        check(System.getProperty("logredact.it.logback12"));
    }

    /**
     * stdout is left out of the agent's hooks, so a masked console shows the Logback hook at work and
     * not the System.out wrapper; each secret is then counted once, on the logback channel.
     */
    private void check(String libraries) throws Exception {
        Path file = dir.resolve("app.log");
        Path rolling = dir.resolve("rolling.log");
        Path config = dir.resolve("logback.xml");
        Files.write(config, configuration(file, rolling).getBytes(StandardCharsets.UTF_8));
        AgentJar.Run run = FrameworkLogs.run(LogbackApp.class, libraries, "instrument=stderr,logback",
                "-Dlogback.configurationFile=" + config);
        FrameworkLogs.assertMaskedOnce(run, LogbackApp.class, "logback", file, rolling);
    }

    /** A console, a file and a rolling file appender, all with {@link #PATTERN}. */
    static String configuration(Path file, Path rolling) {
        String encoder = "<encoder><pattern>" + PATTERN + "</pattern></encoder>";
        return "<configuration>\n"
                + "  <appender name=\"CONSOLE\" class=\"ch.qos.logback.core.ConsoleAppender\">" + encoder + "</appender>\n"
                + "  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\">\n"
                + "    <file>" + file + "</file>" + encoder + "\n"
                + "  </appender>\n"
                + "  <appender name=\"ROLLING\" class=\"ch.qos.logback.core.rolling.RollingFileAppender\">\n"
                + "    <file>" + rolling + "</file>\n"
                + "    <rollingPolicy class=\"ch.qos.logback.core.rolling.TimeBasedRollingPolicy\">\n"
                + "      <fileNamePattern>" + rolling + ".%d{yyyy-MM-dd}</fileNamePattern>\n"
                + "    </rollingPolicy>" + encoder + "\n"
                + "  </appender>\n"
                + "  <root level=\"INFO\">\n"
                + "    <appender-ref ref=\"CONSOLE\"/><appender-ref ref=\"FILE\"/><appender-ref ref=\"ROLLING\"/>\n"
                + "  </root>\n"
                + "</configuration>\n";
    }
}
