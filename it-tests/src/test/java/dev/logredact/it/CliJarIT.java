package dev.logredact.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shaded jar as a user runs it: {@code java -jar logredact-agent.jar VERB}. */
class CliJarIT {
    private static final String PAT = "ghp_" + "Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8";
    private static final String AKIA = "AKIA" + "Z7QH4KX2M5W3N6P4";

    @Test
    void redactMasksABuildLogAndChangesNoOtherByte() throws Exception {
        StringBuilder log = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            String line = "[INFO] Downloaded from repo.example: org/example/lib-api/1." + random.nextInt(100)
                    + "/lib-api-1.jar (" + random.nextInt(900) + " kB at 1.2 MB/s)";
            if (i % 500 == 7) {
                log.append(line).append(" token=").append(PAT).append(" key ").append(AKIA).append("\r\n");
                expected.append(line).append(" token=[REDACTED:github-pat] key [REDACTED:aws-access-token]\r\n");
            } else {
                log.append(line).append('\n');
                expected.append(line).append('\n');
            }
        }
        AgentJar.Run run = AgentJar.cli(log.toString().getBytes(StandardCharsets.UTF_8), "redact");
        assertEquals(0, run.exitCode, run.stderr);
        assertEquals(expected.toString(), run.out());
        assertEquals("", run.stderr);
    }

    @Test
    void redactKeepsBytesThatAreNotUtf8() throws Exception {
        byte[] input = {'a', (byte) 0xe9, 'b', '\n', (byte) 0xff, '\r'};
        AgentJar.Run run = AgentJar.cli(input, "redact");
        assertArrayEquals(input, run.stdout);
    }

    @Test
    void gitleaksRulesLoadThroughTheJar() throws Exception {
        String gitleaks = System.getProperty("logredact.compat.gitleaks");
        AgentJar.Run check = AgentJar.cli(new byte[0], "rules", "check", "--rules", gitleaks);
        assertEquals(0, check.exitCode, check.stderr);
        assertTrue(check.out().contains("222 rules loaded, 0 errors"), check.out());
        AgentJar.Run list = AgentJar.cli(new byte[0], "rules", "list", "--rules", gitleaks);
        assertTrue(list.out().contains("pkcs12-file") && list.out().contains("path-only rule"), list.out());
    }

    @Test
    void scanFindsAndExitsWithTheExitCode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "ok\nAWS " + AKIA + "\n");
        AgentJar.Run run = AgentJar.cli(new byte[0], "scan", "--format", "json", file.toString());
        assertEquals(1, run.exitCode, run.stderr);
        assertTrue(run.out().contains("\"rule\" : \"aws-access-token\""), run.out());
        assertFalse(run.out().contains(AKIA));
    }

    @Test
    void errorsAreOneLineWithoutAStackTrace() throws Exception {
        AgentJar.Run run = AgentJar.cli(new byte[0], "redact", "--rules", "/no/such/rules.toml");
        assertEquals(2, run.exitCode);
        assertEquals("logredact: rule file /no/such/rules.toml does not exist\n", run.stderr);
    }

    /**
     * The hooks never recurse: no class in the jar (the agent, its shaded libraries) refers to a logging
     * framework or to java.util.logging, so masking never logs through the framework it masks, and never
     * starts JUL's LogManager.
     */
    @Test
    void noClassInTheJarUsesALoggingFramework() throws Exception {
        List<String> found = new ArrayList<>();
        boolean instrumentationSeen = false;
        try (JarFile jar = new JarFile(AgentJar.path().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/versions/")) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    for (String name : ClassReferences.of(in)) {
                        instrumentationSeen |= name.equals("java/lang/instrument/Instrumentation");
                        if (name.matches("(ch/qos/logback|org/slf4j|org/apache/log4j|org/apache/logging|java/util/logging)/.*")) {
                            found.add(entry.getName() + " -> " + name);
                        }
                    }
                }
            }
        }
        assertTrue(instrumentationSeen, "the reader found no references at all");
        assertEquals(Collections.emptyList(), found);
    }

    @Test
    void theJarIsShadedAndRelocated() throws Exception {
        try (JarFile jar = new JarFile(AgentJar.path().toFile())) {
            assertEquals("dev.logredact.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
            assertNotNull(jar.getEntry("dev/logredact/shaded/re2j/Pattern.class"));
            assertNotNull(jar.getEntry("dev/logredact/shaded/re2j/MatchProbe.class"));
            jar.stream().forEach(e -> assertTrue(e.getName().startsWith("dev/") || e.getName().startsWith("META-INF/"),
                    "not relocated: " + e.getName()));
        }
        assertTrue(Files.size(AgentJar.path()) < 3_000_000, "jar grew to " + Files.size(AgentJar.path()));
        assertTrue(Paths.get(System.getProperty("logredact.compat.gitleaks")).toFile().isFile());
    }
}
