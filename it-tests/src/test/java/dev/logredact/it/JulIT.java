package dev.logredact.it;

import dev.logredact.it.apps.JulApp;
import dev.logredact.it.apps.LeakyApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent on what java.util.logging writes (SimpleFormatter and XMLFormatter files, the console), in
 * a real JVM of the Java running the tests.
 */
class JulIT {
    /** SimpleFormatter in the layout the other frameworks' tests use; JUL names the levels its own way. */
    private static final String FORMAT = "-Djava.util.logging.SimpleFormatter.format=%1$tF %1$tT.%1$tL %4$-5s %3$s [] - %5$s%6$s%n";

    private static AgentJar.Run app(Path dir, String agentArgs, boolean attachLater) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(AgentJar.java().toString());
        if (attachLater) {
            command.add("-Djdk.attach.allowAttachSelf=true");
        } else {
            command.add("-javaagent:" + AgentJar.path() + (agentArgs == null ? "" : "=" + agentArgs));
        }
        command.add(FORMAT);
        command.add("-cp");
        command.add(Paths.get(JulApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        command.add(JulApp.class.getName());
        command.add(dir.toString());
        if (attachLater) {
            command.add(AgentJar.path().toAbsolutePath().toString());
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("DEPLOY_TOKEN", dev.logredact.it.apps.Scenario.DEPLOY_TOKEN);
        AgentJar.Run run = AgentJar.run(command, environment);
        assertEquals(0, run.exitCode, run.stderr);
        return run;
    }

    private static List<String> events(String first) {
        List<String> events = new ArrayList<>();
        if (first != null) {
            events.add(first);
        }
        events.addAll(FrameworkLogs.events((level, session, message) -> String.format("%-5s %s [] - %s",
                level.equals("WARN") ? "WARNING" : level.equals("ERROR") ? "SEVERE" : level, JulApp.class.getName(), message)));
        return events;
    }

    /** XMLFormatter's records: well-formed XML (its head names logger.dtd, which is not there, so no validation). */
    private static int records(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document parsed = factory.newDocumentBuilder().parse(xml.toFile());
        return parsed.getElementsByTagName("record").getLength();
    }

    @Test
    void simpleAndXmlFilesAndTheConsoleAreMaskedOnce(@TempDir Path dir) throws Exception {
        AgentJar.Run run = app(dir, null, false);
        FrameworkLogs.assertText("jul.log", FrameworkLogs.read(dir.resolve("jul.log")), events(null));
        FrameworkLogs.assertText("console", run.stderr.replaceAll("(?m)^logredact: masked.*$", ""), events(null));
        String xml = FrameworkLogs.read(dir.resolve("jul.xml"));
        FrameworkLogs.assertNoSecret("jul.xml", xml);
        assertTrue(xml.contains("<message>message token " + FrameworkLogs.PAT_MASK + "</message>"), xml);
        assertTrue(xml.contains("<message>java.lang.IllegalStateException: bad credentials " + FrameworkLogs.PAT_MASK + "</message>"), xml);
        assertEquals(7, records(dir.resolve("jul.xml")), xml);
        // ConsoleHandler output is masked by the formatter, then passes the stderr wrapper: counted once.
        FrameworkLogs.assertCountedOnce(run, Arrays.asList(dir.resolve("jul.log"), dir.resolve("jul.xml")), "jul", "stderr");
    }

    @Test
    void formattersLoadedBeforeTheAgentAreRetransformed(@TempDir Path dir) throws Exception {
        AgentJar.Run run = app(dir, null, true);
        String before = String.format("%-5s %s [] - %s", "INFO", JulApp.class.getName(), "before the agent");
        FrameworkLogs.assertText("jul.log", FrameworkLogs.read(dir.resolve("jul.log")), events(before));
        FrameworkLogs.assertNoSecret("jul.xml", FrameworkLogs.read(dir.resolve("jul.xml")));
        assertEquals(8, records(dir.resolve("jul.xml")));
        assertFalse(run.stderr.contains("could not be patched"), run.stderr);
    }

    @Test
    void withoutTheJulHookTheFilesAreNotTouched(@TempDir Path dir) throws Exception {
        AgentJar.Run run = app(dir, "instrument=stdout,stderr", false);
        assertTrue(FrameworkLogs.read(dir.resolve("jul.log")).contains("message token " + LeakyApp.PAT));
        // The console still is masked, by the stderr wrapper alone.
        FrameworkLogs.assertNoSecret("stderr", run.stderr);
    }
}
