package dev.logredact.it;

import dev.logredact.it.apps.LeakyApp;
import dev.logredact.it.apps.Log4j2App;
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

/** The agent on what real Log4j 2 appenders write, to the console and to files. */
class Log4j2IT {
    private static final String MASK = "[REDACTED:github-pat]";
    // %ex explicitly: the exception Log4j appends by default (%xEx) differs between versions.
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger - %msg%n%ex";
    private static final Pattern LINE_START = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} ");

    @TempDir
    Path dir;

    @Test
    void log4j225DirectEncodersAreMasked() throws Exception {
        check(System.getProperty("logredact.it.log4j225"), true);
    }

    /** Without direct encoders each event goes through AbstractStringLayout#getBytes instead. */
    @Test
    void log4j225LayoutBytesAreMasked() throws Exception {
        check(System.getProperty("logredact.it.log4j225"), false);
    }

    @Test
    void log4j217DirectEncodersAreMasked() throws Exception {
        check(System.getProperty("logredact.it.log4j217"), true);
    }

    @Test
    void log4j217LayoutBytesAreMasked() throws Exception {
        check(System.getProperty("logredact.it.log4j217"), false);
    }

    /**
     * stdout is left out of the agent's hooks, and the console appender writes to the file descriptor
     * directly, so a masked console shows the Log4j 2 hook at work and not a stream wrapper; each
     * secret is then counted once, on the log4j2 channel.
     */
    private void check(String libraries, boolean directEncoders) throws Exception {
        Assumptions.assumeTrue(libraries != null && Files.isDirectory(Paths.get(libraries)), "no Log4j 2 jars at " + libraries);
        Path file = dir.resolve("app.log");
        Path rolling = dir.resolve("rolling.log");
        Path config = dir.resolve("log4j2.xml");
        Files.write(config, configuration(file, rolling).getBytes(StandardCharsets.UTF_8));

        List<String> command = new ArrayList<>();
        command.add(AgentJar.java().toString());
        command.add("-javaagent:" + AgentJar.path() + "=instrument=stderr,log4j2");
        command.add("-Dlog4j.configurationFile=" + config);
        command.add("-Dlog4j2.enableDirectEncoders=" + directEncoders);
        command.add("-cp");
        command.add(classPath(Paths.get(libraries)));
        command.add(Log4j2App.class.getName());
        AgentJar.Run run = AgentJar.run(command, new HashMap<>());

        assertEquals(0, run.exitCode, run.stderr);
        assertMasked("console", run.out());
        assertMasked("file", new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        assertMasked("rolling file", new String(Files.readAllBytes(rolling), StandardCharsets.UTF_8));
        assertFalse(run.stderr.contains(LeakyApp.PAT), run.stderr);
        assertTrue(run.stderr.contains("logredact: masked 9 secrets (github-pat x9) on log4j2"), run.stderr);
    }

    private static void assertMasked(String where, String log) {
        assertFalse(log.contains(LeakyApp.PAT), where + ":\n" + log);
        String logger = Log4j2App.class.getName();
        String[] lines = log.split("\r?\n");
        assertLine(where, log, lines[0], "INFO  " + logger + " - message token " + MASK);
        assertLine(where, log, lines[1], "WARN  " + logger + " - parameter token " + MASK);
        assertLine(where, log, lines[2], "ERROR " + logger + " - request failed");
        assertEquals("java.lang.IllegalStateException: bad credentials " + MASK, lines[3], where + ":\n" + log);
        assertTrue(lines[4].startsWith("\tat " + Log4j2App.class.getName() + ".main("), where + ":\n" + log);
        assertLine(where, log, lines[lines.length - 1], "INFO  " + logger + " - done");
    }

    private static void assertLine(String where, String log, String line, String afterTimestamp) {
        assertTrue(LINE_START.matcher(line).lookingAt() && line.endsWith(afterTimestamp)
                && line.length() == "2026-01-01 00:00:00.000 ".length() + afterTimestamp.length(), where + ":\n" + log);
    }

    private static String configuration(Path file, Path rolling) {
        String layout = "<PatternLayout pattern=\"" + PATTERN + "\"/>";
        return "<Configuration status=\"WARN\">\n"
                + "  <Appenders>\n"
                + "    <Console name=\"CONSOLE\" target=\"SYSTEM_OUT\" direct=\"true\">" + layout + "</Console>\n"
                + "    <File name=\"FILE\" fileName=\"" + file + "\">" + layout + "</File>\n"
                + "    <RollingFile name=\"ROLLING\" fileName=\"" + rolling + "\" filePattern=\"" + rolling + ".%d{yyyy-MM-dd}\">\n"
                + "      " + layout + "\n"
                + "      <Policies><TimeBasedTriggeringPolicy/></Policies>\n"
                + "    </RollingFile>\n"
                + "  </Appenders>\n"
                + "  <Loggers>\n"
                + "    <Root level=\"INFO\">\n"
                + "      <AppenderRef ref=\"CONSOLE\"/><AppenderRef ref=\"FILE\"/><AppenderRef ref=\"ROLLING\"/>\n"
                + "    </Root>\n"
                + "  </Loggers>\n"
                + "</Configuration>\n";
    }

    /** The test classes (the app) and the jars of one Log4j 2 version. */
    private static String classPath(Path libraries) throws Exception {
        List<String> entries = new ArrayList<>();
        entries.add(Paths.get(Log4j2App.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        try (Stream<Path> jars = Files.list(libraries)) {
            entries.addAll(jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().collect(Collectors.toList()));
        }
        return String.join(File.pathSeparator, entries);
    }
}
