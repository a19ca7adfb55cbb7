package dev.logredact.it;

import dev.logredact.it.apps.LeakyApp;
import dev.logredact.it.apps.LogbackApp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent on what real Logback appenders write, to the console and to files. */
class LogbackIT {
    private static final String MASK = "[REDACTED:github-pat]";
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger - %msg%n";
    private static final Pattern LINE_START = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} ");

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
        Assumptions.assumeTrue(libraries != null && Files.isDirectory(Paths.get(libraries)), "no Logback jars at " + libraries);
        Path file = dir.resolve("app.log");
        Path rolling = dir.resolve("rolling.log");
        Path config = dir.resolve("logback.xml");
        Files.write(config, configuration(file, rolling).getBytes(StandardCharsets.UTF_8));

        List<String> command = new ArrayList<>();
        command.add(AgentJar.java().toString());
        command.add("-javaagent:" + AgentJar.path() + "=instrument=stderr,logback");
        command.add("-Dlogback.configurationFile=" + config);
        command.add("-cp");
        command.add(classPath(Paths.get(libraries)));
        command.add(LogbackApp.class.getName());
        AgentJar.Run run = AgentJar.run(command, new HashMap<>());

        assertEquals(0, run.exitCode, run.stderr);
        assertMasked("console", run.out());
        assertMasked("file", new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        assertMasked("rolling file", new String(Files.readAllBytes(rolling), StandardCharsets.UTF_8));
        assertFalse(run.stderr.contains(LeakyApp.PAT), run.stderr);
        assertTrue(run.stderr.contains("logredact: masked 9 secrets (github-pat x9) on logback"), run.stderr);
    }

    private static void assertMasked(String where, String log) {
        assertFalse(log.contains(LeakyApp.PAT), where + ":\n" + log);
        String logger = LogbackApp.class.getName();
        String[] lines = log.split("\n");
        assertLine(where, log, lines[0], "INFO  " + logger + " - message token " + MASK);
        assertLine(where, log, lines[1], "WARN  " + logger + " - parameter token " + MASK);
        assertLine(where, log, lines[2], "ERROR " + logger + " - request failed");
        assertEquals("java.lang.IllegalStateException: bad credentials " + MASK, lines[3], where + ":\n" + log);
        assertTrue(lines[4].startsWith("\tat " + LogbackApp.class.getName() + ".main("), where + ":\n" + log);
        assertLine(where, log, lines[lines.length - 1], "INFO  " + logger + " - done");
    }

    private static void assertLine(String where, String log, String line, String afterTimestamp) {
        assertTrue(LINE_START.matcher(line).lookingAt() && line.endsWith(afterTimestamp)
                && line.length() == "2026-01-01 00:00:00.000 ".length() + afterTimestamp.length(), where + ":\n" + log);
    }

    private static String configuration(Path file, Path rolling) {
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

    /** The test classes (the app) and the jars of one Logback version with its SLF4J. */
    private static String classPath(Path libraries) throws Exception {
        List<String> entries = new ArrayList<>();
        entries.add(Paths.get(LogbackApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        try (Stream<Path> jars = Files.list(libraries)) {
            entries.addAll(jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().collect(Collectors.toList()));
        }
        return String.join(File.pathSeparator, entries);
    }
}
