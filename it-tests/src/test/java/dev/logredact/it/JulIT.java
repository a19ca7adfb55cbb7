package dev.logredact.it;

import dev.logredact.it.apps.JulApp;
import dev.logredact.it.apps.LeakyApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent on what java.util.logging writes to its files, in a real JVM of the Java running the tests. */
class JulIT {
    private static final String MASK = "[REDACTED:github-pat]";

    private static AgentJar.Run app(Path dir, String agentArgs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(AgentJar.java().toString());
        command.add("-javaagent:" + AgentJar.path() + (agentArgs == null ? "" : "=" + agentArgs));
        command.add("-cp");
        command.add(Paths.get(JulApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        command.addAll(Arrays.asList(JulApp.class.getName(), dir.toString()));
        return AgentJar.run(command, new HashMap<>());
    }

    /** Without -javaagent: the app attaches the agent itself once it has used the formatters. */
    private static AgentJar.Run attachingApp(Path dir) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(AgentJar.java().toString());
        command.add("-Djdk.attach.allowAttachSelf=true");
        command.add("-cp");
        command.add(Paths.get(JulApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        command.addAll(Arrays.asList(JulApp.class.getName(), dir.toString(), AgentJar.path().toAbsolutePath().toString()));
        return AgentJar.run(command, new HashMap<>());
    }

    private static String read(Path file) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    @Test
    void simpleAndXmlFilesAndTheConsoleAreMasked(@TempDir Path dir) throws Exception {
        AgentJar.Run run = app(dir, null);
        assertEquals(0, run.exitCode, run.stderr);

        String text = read(dir.resolve("jul.log"));
        assertFalse(text.contains(LeakyApp.PAT), text);
        assertTrue(text.contains("message " + MASK), text);
        assertTrue(text.contains("parameter " + MASK), text);
        assertTrue(text.contains("exception " + MASK), text);

        String xml = read(dir.resolve("jul.xml"));
        assertFalse(xml.contains(LeakyApp.PAT), xml);
        assertTrue(xml.contains("message " + MASK), xml);
        assertTrue(xml.contains("parameter " + MASK), xml);
        assertTrue(xml.contains("exception " + MASK), xml);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // XMLFormatter's head names logger.dtd, which is not there: only well-formedness is checked.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document parsed = builder.parse(dir.resolve("jul.xml").toFile());
        assertEquals(3, parsed.getElementsByTagName("record").getLength(), xml);

        assertFalse(run.stderr.contains(LeakyApp.PAT), run.stderr);
        assertTrue(run.stderr.contains("message " + MASK), run.stderr);
        assertTrue(run.stderr.contains("exception " + MASK), run.stderr);
        assertFalse(run.stderr.contains("withheld"), run.stderr);
        // ConsoleHandler output is masked by the formatter, then by the stderr wrapper: once only.
        assertFalse(run.stderr.contains("[REDACTED:[REDACTED"), run.stderr);
    }

    @Test
    void formattersLoadedBeforeTheAgentAreRetransformed(@TempDir Path dir) throws Exception {
        AgentJar.Run run = attachingApp(dir);
        assertEquals(0, run.exitCode, run.stderr);
        for (String file : new String[] {"jul.log", "jul.xml"}) {
            String text = read(dir.resolve(file));
            assertTrue(text.contains("before the agent"), text);
            assertFalse(text.contains(LeakyApp.PAT), text);
            assertTrue(text.contains("parameter " + MASK), text);
            assertTrue(text.contains("exception " + MASK), text);
        }
        assertFalse(run.stderr.contains(LeakyApp.PAT), run.stderr);
        assertFalse(run.stderr.contains("could not be patched"), run.stderr);
    }

    @Test
    void withoutTheJulHookTheFilesAreNotTouched(@TempDir Path dir) throws Exception {
        AgentJar.Run run = app(dir, "instrument=stdout,stderr");
        assertEquals(0, run.exitCode, run.stderr);
        assertTrue(read(dir.resolve("jul.log")).contains("message " + LeakyApp.PAT));
        // The console still is masked, by the stderr wrapper alone.
        assertFalse(run.stderr.contains(LeakyApp.PAT), run.stderr);
    }
}
