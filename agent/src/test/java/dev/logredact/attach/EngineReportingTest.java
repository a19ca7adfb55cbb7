package dev.logredact.attach;

import dev.logredact.export.OtlpRequests;
import dev.logredact.export.RecordingExport;
import dev.logredact.export.Reporter;
import dev.logredact.stream.StreamMasker;
import io.opentelemetry.proto.logs.v1.LogRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real engine with the reporter attached where maskers are made: every mask written becomes an
 * event on its channel, and no event carries a secret; only rule findings reach the secret sink.
 */
class EngineReportingTest {
    private static final String PAT = "ghp_" + "Kx7Qm2Wn9Lp4Rt6Vy8Bz1Cd3Fg5Hj7Mk9Np2Q";
    private static final String DEPLOY_TOKEN = "dt-4f9K2mQ8xZ7pL3wR6vB1nC5";

    @Test
    void everyMaskIsReportedOnItsChannelAndNoEventCarriesASecret() throws Exception {
        RecordingExport export = new RecordingExport();
        AtomicReference<Engine> built = new AtomicReference<>();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errBytes, true, "UTF-8");
        Map<String, String> environment = Map.of("DEPLOY_TOKEN", DEPLOY_TOKEN, "GITLAB_CI", "true",
                "CI_JOB_NAME", "deploy " + DEPLOY_TOKEN);
        Set<String> found = new ConcurrentSkipListSet<>();
        Engine.Settings settings = new Engine.Settings();
        settings.reporter = Reporter.start(export, "test", environment, text -> built.get().scrub(text), err);
        settings.ruleFindings = (ruleId, value) -> found.add(ruleId + "=" + value);
        Engine engine = Engine.build(settings, environment, err);
        built.set(engine);

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StreamMasker masker = engine.masker(stdout, StandardCharsets.UTF_8, "stdout");
        String encoded = Base64.getEncoder().encodeToString(("ci:" + DEPLOY_TOKEN).getBytes(StandardCharsets.UTF_8));
        // The URL's password is a rule finding too, but a given secret: the sink is not told of it.
        byte[] text = ("token " + PAT + "\ndeploy " + DEPLOY_TOKEN + "\nbase64 " + encoded + "\nurl https://ci:" + DEPLOY_TOKEN
                + "@repo.example/\n").getBytes(StandardCharsets.UTF_8);
        masker.write(text, 0, text.length);
        masker.releaseAll(true);
        engine.maskText("jul record with " + DEPLOY_TOKEN, "jul");
        Thread named = new Thread(() -> engine.maskText("from a thread named after a secret " + PAT, "log4j2"),
                "worker-" + PAT);
        named.start();
        named.join();
        assertTrue(settings.reporter.flush(60_000));

        List<String> lines = export.lines();
        for (String line : lines) {
            for (String secret : List.of(PAT, DEPLOY_TOKEN, encoded)) {
                assertFalse(line.contains(secret), "an event line carries a secret: " + line);
            }
        }
        List<LogRecord> records = OtlpRequests.records(lines);
        Set<String> seen = new TreeSet<>();
        long total = 0;
        for (LogRecord r : records) {
            Map<String, String> a = OtlpRequests.attributes(r.getAttributesList());
            seen.add(a.get("logredact.rule.id") + " " + a.get("logredact.variant") + " on " + a.get("logredact.channel"));
            total += Long.parseLong(a.get("logredact.count"));
            if (a.get("logredact.channel").equals("log4j2")) {
                assertEquals("worker-[REDACTED:github-pat]", a.get("logredact.thread"));
            }
        }
        // The URL's password is the known secret exactly, so its mask is named for the secret, not the rule.
        assertEquals(Set.of("github-pat plain on stdout", "env:DEPLOY_TOKEN plain on stdout", "env:DEPLOY_TOKEN base64 on stdout",
                "env:DEPLOY_TOKEN plain on jul", "github-pat plain on log4j2"), seen);
        assertEquals(engine.counts().total(), total, "every mask counted at exit is in an event");
        Map<String, String> resource = OtlpRequests.attributes(OtlpRequests.parse(lines.get(0)).getResourceLogs(0)
                .getResource().getAttributesList());
        assertEquals("deploy [REDACTED:env:DEPLOY_TOKEN]", resource.get("cicd.pipeline.task.name"),
                "resource values from the environment are masked too");
        assertEquals(Set.of("github-pat=" + PAT), found, "only rule findings, not known secrets, reach the sink");
    }
}
