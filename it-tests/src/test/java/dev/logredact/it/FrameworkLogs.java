package dev.logredact.it;

import dev.logredact.it.apps.LeakyApp;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the logging-framework tests share: run an app of {@code it.apps} against the jars of one
 * framework version with the agent attached, then check that each output (console, file, rolling file)
 * has every secret masked and every line still in its pattern's shape.
 */
final class FrameworkLogs {
    static final String MASK = "[REDACTED:github-pat]";
    private static final Pattern LINE_START = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} ");

    private FrameworkLogs() {
    }

    /**
     * Runs {@code app} with only the jars in {@code libraries} and the given agent arguments and JVM
     * options; skips the test when the build did not provide that version's jars.
     */
    static AgentJar.Run run(Class<?> app, String libraries, String agentArguments, String... jvmOptions) throws Exception {
        return run(app, libraries, new HashMap<>(), agentArguments, Arrays.asList(jvmOptions));
    }

    /** As {@link #run(Class, String, String, String...)}, with extra environment variables and app arguments. */
    static AgentJar.Run run(Class<?> app, String libraries, Map<String, String> environment, String agentArguments,
                            List<String> jvmOptions, String... appArguments) throws Exception {
        Assumptions.assumeTrue(libraries != null && Files.isDirectory(Paths.get(libraries)), "no library jars at " + libraries);
        List<String> command = new ArrayList<>();
        command.add(AgentJar.java().toString());
        command.add("-javaagent:" + AgentJar.path() + "=" + agentArguments);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath(app, Paths.get(libraries)));
        command.add(app.getName());
        command.addAll(Arrays.asList(appArguments));
        return AgentJar.run(command, environment);
    }

    /**
     * The run's console and files are masked and in shape, and each secret was counted once on
     * {@code channel}: the app logs three secrets through three appenders.
     */
    static void assertMaskedOnce(AgentJar.Run run, Class<?> app, String channel, Path file, Path rolling) throws Exception {
        assertEquals(0, run.exitCode, run.stderr);
        assertMasked("console", run.out(), app);
        assertMasked("file", new String(Files.readAllBytes(file), StandardCharsets.UTF_8), app);
        assertMasked("rolling file", new String(Files.readAllBytes(rolling), StandardCharsets.UTF_8), app);
        assertFalse(run.stderr.contains(LeakyApp.PAT), run.stderr);
        assertTrue(run.stderr.contains("logredact: masked 9 secrets (github-pat x9) on " + channel), run.stderr);
    }

    /** Every line {@code app} logged is in the file, in its pattern's shape, with each secret masked. */
    static void assertMasked(String where, String log, Class<?> app) {
        assertFalse(log.contains(LeakyApp.PAT), where + ":\n" + log);
        String logger = app.getName();
        String[] lines = log.split("\r?\n");
        assertLine(where, log, lines[0], "INFO  " + logger + " - message token " + MASK);
        assertLine(where, log, lines[1], "WARN  " + logger + " - parameter token " + MASK);
        assertLine(where, log, lines[2], "ERROR " + logger + " - request failed");
        assertEquals("java.lang.IllegalStateException: bad credentials " + MASK, lines[3], where + ":\n" + log);
        assertTrue(lines[4].startsWith("\tat " + logger + ".main("), where + ":\n" + log);
        assertLine(where, log, lines[lines.length - 1], "INFO  " + logger + " - done");
    }

    private static void assertLine(String where, String log, String line, String afterTimestamp) {
        assertTrue(LINE_START.matcher(line).lookingAt() && line.endsWith(afterTimestamp)
                && line.length() == "2026-01-01 00:00:00.000 ".length() + afterTimestamp.length(), where + ":\n" + log);
    }

    /** The test classes (the app) and the jars of one framework version. */
    private static String classPath(Class<?> app, Path libraries) throws Exception {
        List<String> entries = new ArrayList<>();
        entries.add(Paths.get(app.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        try (Stream<Path> jars = Files.list(libraries)) {
            entries.addAll(jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().collect(Collectors.toList()));
        }
        return String.join(File.pathSeparator, entries);
    }
}
