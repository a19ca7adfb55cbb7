package dev.logredact.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Maven build of the fixture project {@code fixtures/maven-app} with the agent in
 * JAVA_TOOL_OPTIONS, as a CI job would attach it: Maven's JVM and both Surefire forks carry it. The
 * fixture's tests print fake secrets through stdout, stderr, Logback, exceptions and system properties,
 * and fail with them in assertion and exception messages (in an execution that ignores failures); the
 * build must pass and neither its console nor its surefire-reports may hold one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MavenBuildIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    // The same fake values as the fixture's Secrets class and pom, prefixes split for the same reason.
    private static final String GITHUB_PAT = "ghp_" + "Tz4Kc8Wm2Qv6Xn1Rb5Hp9Ls3Jd7Fg0Ay2Ne6";
    private static final String AWS_KEY_ID = "AKIA" + "W3LQ7ZKX2RTM5VPN";
    private static final String PEM_LINE_1 = "MIIEpAIBAAKCAQEA3q9Zk2Lr7XvB5mNc8Tw4Yp1Hs6Gd0Jf2Ke9Ua3Qx7Rb5Vn8W";
    private static final String PEM_LINE_2 = "c4Lm9Pz2Ty6Hq1Ks8Nd3Gf7Xr0Bw5Jv2Ea9Ui4Ol6Cy3Mn8Tp1Qs7Kd2Zh5Lg0F";
    private static final String GITHUB_TOKEN_PROPERTY = "ghp_" + "Vb3Nq8Rt5Wx2Zk7Lm4Pd9Hs6Jf1Gc0Ya2Ue8";
    // Only their environment variables' names mark these two as secrets.
    private static final String DEPLOY_TOKEN = "dt-8Hq3Lz7Vw2Nc5Rm9Kx4B";
    private static final String DB_PASSWORD = "pgPw-7Rk29xLmTzQ4vN";

    private Path project;
    private int exitCode;
    private String console;

    @BeforeAll
    void buildTheFixture() throws Exception {
        Path target = testClasses().getParent();
        Path work = target.resolve("maven-build-it")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        project = work.resolve("maven-app");
        copyTree(testClasses().resolve("fixtures").resolve("maven-app"), project);

        List<String> command = new ArrayList<>();
        command.add(repositoryRoot(target).resolve("mvnw").toString());
        command.add("-B");
        command.add("-ntp");
        // The outer build's local repository, so a CI run with its own cache resolves the fixture from it.
        String localRepository = System.getProperty("logredact.it.maven.repo.local");
        if (localRepository != null && !localRepository.isEmpty()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.add("test");

        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        Map<String, String> env = builder.environment();
        // Settings of the outer build that would change the fixture's JVMs or console.
        env.keySet().removeIf(k -> k.startsWith("LOGREDACT_") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("MAVEN_OPTS")
                || k.equals("MAVEN_ARGS") || k.equals("MAVEN_PROJECTBASEDIR") || k.equals("MAVEN_DEBUG_OPTS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // mvnw would otherwise make this repository, not the fixture, Maven's project base directory.
        env.put("MAVEN_BASEDIR", project.toString());
        env.put("JAVA_TOOL_OPTIONS", "-javaagent:" + AgentJar.path().toAbsolutePath());
        env.put("DEPLOY_TOKEN", DEPLOY_TOKEN);
        env.put("DB_PASSWORD", DB_PASSWORD);

        Path log = work.resolve("console.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process maven = builder.start();
        maven.getOutputStream().close();
        if (!maven.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            maven.destroyForcibly().waitFor();
            fail("the fixture's build did not finish in " + TIMEOUT + "; its console is in " + log);
        }
        exitCode = maven.exitValue();
        console = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    @Test
    void theBuildPassesWithEveryTestRun() {
        assertEquals(0, exitCode, console);
        assertTrue(console.contains("BUILD SUCCESS"), console);
        assertTrue(console.contains("Tests run: 5, Failures: 0, Errors: 0, Skipped: 0"), console);
        assertTrue(console.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"), console);
        // FailuresTest fails for real, in an execution that ignores test failures.
        assertTrue(console.contains("Tests run: 2, Failures: 1, Errors: 1, Skipped: 0"), console);
    }

    @Test
    void surefiresEventChannelIsIntact() throws IOException {
        assertFalse(console.contains("Corrupted channel"), console);
        assertFalse(console.contains("Corrupted STDOUT"), console);
        try (Stream<Path> files = Files.list(reports())) {
            List<Path> dumps = files.filter(p -> p.getFileName().toString().endsWith(".dumpstream")).collect(Collectors.toList());
            assertTrue(dumps.isEmpty(), "Surefire dumped its event stream: " + dumps);
        }
    }

    @Test
    void theConsoleHoldsMasksAndNoSecret() {
        assertNoSecret("the console", console);
        assertTrue(console.contains("stdout: GitHub token [REDACTED:github-pat]"), console);
        assertTrue(console.contains("stderr: deploying with [REDACTED:env:DEPLOY_TOKEN]"), console);
        assertTrue(console.contains("[REDACTED:aws-access-token]"), console);
        assertTrue(console.contains("[REDACTED:private-key]"), console);
        assertTrue(console.contains("logback: calling the API with [REDACTED:github-pat]"), console);
    }

    @Test
    void noReportHoldsASecret() throws IOException {
        Map<Path, String> reports = reportFiles();
        assertTrue(reports.containsKey(reports().resolve("TEST-example.ConsoleOutputTest.xml")), reports.keySet().toString());
        assertTrue(reports.containsKey(reports().resolve("TEST-example.RedirectedOutputTest.xml")), reports.keySet().toString());
        assertTrue(reports.containsKey(reports().resolve("example.RedirectedOutputTest-output.txt")), reports.keySet().toString());
        assertTrue(reports.containsKey(reports().resolve("TEST-example.FailuresTest.xml")), reports.keySet().toString());
        assertTrue(reports.containsKey(reports().resolve("example.FailuresTest.txt")), reports.keySet().toString());
        for (Map.Entry<Path, String> report : reports.entrySet()) {
            assertNoSecret(report.getKey().toString(), report.getValue());
        }
    }

    @Test
    void reportsKeepTheMaskedOutput() throws IOException {
        String xml = read(reports().resolve("TEST-example.ConsoleOutputTest.xml"));
        assertTrue(xml.contains("stdout: GitHub token [REDACTED:github-pat]"), xml);
        assertTrue(xml.contains("property db.password=[REDACTED:env:DB_PASSWORD]"), xml);
        String output = read(reports().resolve("example.RedirectedOutputTest-output.txt"));
        assertTrue(output.contains("stderr: deploying with [REDACTED:env:DEPLOY_TOKEN] as [REDACTED:aws-access-token]"), output);
        assertTrue(output.contains("-----BEGIN RSA PRIVATE KEY-----\n[REDACTED:private-key]\n"), output);
        assertTrue(output.contains("java.lang.IllegalStateException: authentication failed for [REDACTED:github-pat]"), output);
        String failures = read(reports().resolve("example.FailuresTest.txt"));
        assertTrue(failures.contains("token mismatch for [REDACTED:env:DEPLOY_TOKEN] ==> expected: <a-public-value> but was: "
                + "<[REDACTED:github-pat]>"), failures);
        assertTrue(failures.contains("login failed with [REDACTED:aws-access-token] and [REDACTED:env:DB_PASSWORD]"), failures);
        assertTrue(failures.contains("-----BEGIN RSA PRIVATE KEY-----\n[REDACTED:private-key]\n"), failures);
    }

    @Test
    void xmlReportsAreWellFormedAndKeepEveryProperty() throws Exception {
        DocumentBuilder parser = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        int parsed = 0;
        for (Path report : reportFiles().keySet()) {
            String name = report.getFileName().toString();
            if (!(name.startsWith("TEST-") && name.endsWith(".xml"))) {
                continue;
            }
            Document document = parser.parse(report.toFile());
            parsed++;
            Map<String, String> properties = new LinkedHashMap<>();
            NodeList nodes = document.getElementsByTagName("property");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element property = (Element) nodes.item(i);
                properties.put(property.getAttribute("name"), property.getAttribute("value"));
            }
            // Masked, not dropped: a report reader still sees that the fork had them.
            assertFalse(properties.getOrDefault("db.password", "").isEmpty(), report + ": " + properties);
            assertFalse(properties.getOrDefault("github.token", "").isEmpty(), report + ": " + properties);
            if (name.equals("TEST-example.FailuresTest.xml")) {
                Element failure = (Element) document.getElementsByTagName("failure").item(0);
                assertEquals("token mismatch for [REDACTED:env:DEPLOY_TOKEN] ==> expected: <a-public-value> but was: "
                        + "<[REDACTED:github-pat]>", failure.getAttribute("message"));
                Element error = (Element) document.getElementsByTagName("error").item(0);
                assertEquals("login failed with [REDACTED:aws-access-token] and [REDACTED:env:DB_PASSWORD]",
                        error.getAttribute("message"));
                assertTrue(error.getTextContent().contains("[REDACTED:private-key]"), error.getTextContent());
            }
        }
        assertEquals(3, parsed);
    }

    private static void assertNoSecret(String where, String text) {
        for (String secret : new String[] {GITHUB_PAT, AWS_KEY_ID, PEM_LINE_1, PEM_LINE_2, GITHUB_TOKEN_PROPERTY,
                DEPLOY_TOKEN, DB_PASSWORD}) {
            int at = text.indexOf(secret);
            if (at >= 0) {
                int lineStart = text.lastIndexOf('\n', at) + 1;
                int lineEnd = text.indexOf('\n', at);
                fail(where + " holds a secret, line " + (text.substring(0, at).split("\n", -1).length) + ": "
                        + text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd));
            }
        }
    }

    private Path reports() {
        return project.resolve("target").resolve("surefire-reports");
    }

    private Map<Path, String> reportFiles() throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(reports())) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                files.put(p, read(p));
            }
        }
        return files;
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static Path testClasses() throws URISyntaxException {
        return Paths.get(MavenBuildIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The checkout holding this module: the first directory up from it with the Maven wrapper. */
    private static Path repositoryRoot(Path from) {
        for (Path dir = from.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve(".mvn"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no mvnw above " + from);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path copy = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
