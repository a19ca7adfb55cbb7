package dev.logredact.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logredact.it.apps.Scenario;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The behaviour suite every logging-framework test shares: run an app of {@code it.apps} that logs the
 * {@link Scenario} against the jars of one framework version with the agent attached (all hooks, as a
 * build would have them), then check each output (console, files, JSON) for secrets, shape and counts.
 */
final class FrameworkLogs {
    static final String PAT_MASK = "[REDACTED:github-pat]";
    static final String PASSWORD_MASK = "[REDACTED:generic-password]";
    static final String TOKEN_MASK = "[REDACTED:env:DEPLOY_TOKEN]";
    /** Pieces of each secret: none may show anywhere, whole, escaped or cut. */
    private static final List<String> SECRET_PIECES = Arrays.asList("Kx7Qm2Wn9Lp4", "Hunter2", "4f9K2mQ8", "R6vB1nC5");
    /** The pattern layouts' timestamp, {@code yyyy-MM-dd HH:mm:ss.SSS} and a space. */
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} ");
    private static final Pattern SUMMARY = Pattern.compile("logredact: masked (\\d+) secrets? \\(.*\\) on (.*)");

    private FrameworkLogs() {
    }

    /** How a pattern layout renders one event after its timestamp. */
    interface LineShape {
        String line(String level, String session, String message);
    }

    /** {@code %-5level %logger [%X{session}] - %msg}: the layout the Logback, Log4j 2 and Log4j 1 tests configure. */
    static LineShape pattern(Class<?> app) {
        return (level, session, message) -> String.format("%-5s %s [%s] - %s", level, app.getName(), session, message);
    }

    /** The jars of one framework version, as the build copied them ({@code logback-1.5.38}); skips the test when absent. */
    static Path libraries(String version) {
        Path dir = Paths.get(System.getProperty("logredact.it.frameworks", "target/frameworks"), version);
        Assumptions.assumeTrue(Files.isDirectory(dir), "no library jars at " + dir);
        return dir;
    }

    /** Whether the version's directory holds a jar whose name starts with {@code artifact}. */
    static boolean has(Path libraries, String artifact) throws IOException {
        try (Stream<Path> jars = Files.list(libraries)) {
            return jars.anyMatch(p -> p.getFileName().toString().startsWith(artifact));
        }
    }

    /** Runs {@code app} on the framework's jars with the agent and the given JVM options, {@code DEPLOY_TOKEN} set. */
    static AgentJar.Run run(Class<?> app, Path libraries, String... jvmOptions) throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("DEPLOY_TOKEN", Scenario.DEPLOY_TOKEN);
        AgentJar.Run run = run(app, libraries, environment, Arrays.asList(jvmOptions));
        assertEquals(0, run.exitCode, run.stderr);
        return run;
    }

    /** Runs {@code app} on the framework's jars with the agent, the environment, JVM options and app arguments given. */
    static AgentJar.Run run(Class<?> app, Path libraries, Map<String, String> environment, List<String> jvmOptions,
                            String... appArguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(AgentJar.java().toString());
        command.add("-javaagent:" + AgentJar.path());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath(app, libraries));
        command.add(app.getName());
        command.addAll(Arrays.asList(appArguments));
        return AgentJar.run(command, environment);
    }

    /** The scenario's events as {@code shape} renders them, every secret masked. */
    static List<String> events(LineShape shape) {
        return Arrays.asList(
                shape.line("INFO", "", "message token " + PAT_MASK),
                shape.line("WARN", "", "parameter token " + PAT_MASK),
                shape.line("INFO", PAT_MASK, "in session"),
                shape.line("INFO", "", "config {\"password\":\"" + PASSWORD_MASK + "\"}"),
                shape.line("INFO", "", "deploy with " + TOKEN_MASK),
                shape.line("ERROR", "", "request failed"),
                shape.line("INFO", "", "done"));
    }

    /**
     * A text log: no secret; its timestamped lines, after the timestamp, are exactly {@code events} in
     * order (levels, logger names and line shape unchanged); the exception's message, suppressed
     * exception and cause show masked.
     */
    static void assertText(String where, String log, List<String> events) {
        assertNoSecret(where, log);
        List<String> seen = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String line : log.split("\r?\n")) {
            Matcher m = TIMESTAMP.matcher(line);
            if (m.lookingAt()) {
                seen.add(line.substring(m.end()));
            } else {
                others.add(line.trim());
            }
        }
        assertEquals(events, seen, where + ":\n" + log);
        for (String expected : exceptionLines()) {
            assertTrue(others.contains(expected), where + " lacks '" + expected + "':\n" + log);
        }
    }

    /** What {@code printStackTrace} and the layouts' exception converters print of the scenario's exception. */
    static List<String> exceptionLines() {
        return Arrays.asList("java.lang.IllegalStateException: bad credentials " + PAT_MASK,
                "Suppressed: java.lang.IllegalArgumentException: suppressed " + PAT_MASK,
                "Caused by: java.lang.RuntimeException: cause " + PAT_MASK);
    }

    /**
     * A JSON log, one object per line: no secret in the raw text (where secrets are escaped); every
     * line parses; the string values hold each event's text masked, the MDC value, and a stack trace
     * with the exception's message, suppressed exception and cause masked.
     */
    static void assertJson(String where, String log) throws IOException {
        assertNoSecret(where, log);
        ObjectMapper mapper = new ObjectMapper();
        List<String> values = new ArrayList<>();
        int objects = 0;
        for (String line : log.split("\r?\n")) {
            if (line.trim().isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = mapper.readTree(line);
            } catch (IOException e) {
                throw new AssertionError(where + ": not JSON after masking: " + line, e);
            }
            assertTrue(node.isObject(), where + ": " + line);
            collectStrings(node, values);
            objects++;
        }
        assertEquals(7, objects, where + ":\n" + log);
        for (String message : Arrays.asList("message token " + PAT_MASK, "parameter token " + PAT_MASK, "in session",
                "config {\"password\":\"" + PASSWORD_MASK + "\"}", "deploy with " + TOKEN_MASK, "done")) {
            assertTrue(values.contains(message), where + " lacks the message '" + message + "':\n" + log);
        }
        assertTrue(values.contains(PAT_MASK), where + " lacks the masked MDC value:\n" + log);
        assertTrue(values.stream().anyMatch(v -> exceptionLines().stream().allMatch(v::contains)),
                where + " lacks a masked stack trace:\n" + log);
    }

    private static void collectStrings(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.textValue());
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            collectStrings(children.next(), into);
        }
    }

    static void assertNoSecret(String where, String text) {
        for (String piece : SECRET_PIECES) {
            assertFalse(text.contains(piece), where + " shows a secret (" + piece + "):\n" + text);
        }
    }

    /**
     * Each secret was masked once and reported once: the exit summary counts exactly the masks in all
     * outputs (so no layer masked, or counted, twice), on exactly {@code channels}; nothing withheld.
     *
     * @param files the files the app's appenders wrote
     */
    static void assertCountedOnce(AgentJar.Run run, List<Path> files, String... channels) throws IOException {
        List<String> stderr = new ArrayList<>();
        String summary = null;
        for (String line : run.stderr.split("\r?\n")) {
            if (line.startsWith("logredact: masked")) {
                summary = line;
            } else {
                stderr.add(line);
            }
        }
        assertNoSecret("stderr", run.stderr);
        assertNoSecret("stdout", run.out());
        assertFalse(run.stderr.contains("withheld") || run.out().contains("withheld"), run.stderr);
        Matcher m = summary == null ? null : SUMMARY.matcher(summary);
        if (m == null || !m.matches()) {
            fail("no summary line:\n" + run.stderr);
        }
        int masks = masks(run.out()) + masks(String.join("\n", stderr));
        for (Path file : files) {
            masks += masks(read(file));
        }
        assertEquals(masks, Integer.parseInt(m.group(1)), "masks written vs counted: " + summary);
        List<String> expected = new ArrayList<>(Arrays.asList(channels));
        List<String> actual = new ArrayList<>(Arrays.asList(m.group(2).split(", ")));
        Collections.sort(expected);
        Collections.sort(actual);
        assertEquals(expected, actual, summary);
    }

    private static int masks(String text) {
        int count = 0;
        for (int i = text.indexOf("[REDACTED:"); i >= 0; i = text.indexOf("[REDACTED:", i + 1)) {
            count++;
        }
        return count;
    }

    static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /** The test classes (the apps) and the jars of one framework version. */
    private static String classPath(Class<?> app, Path libraries) throws Exception {
        List<String> entries = new ArrayList<>();
        entries.add(Paths.get(app.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        for (Path jar : jars(libraries)) {
            entries.add(jar.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The jars of one framework version, in name order. */
    static List<Path> jars(Path libraries) throws IOException {
        try (Stream<Path> files = Files.list(libraries)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
    }
}
