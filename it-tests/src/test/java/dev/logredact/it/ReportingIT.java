package dev.logredact.it;

import dev.logredact.it.apps.LeakyApp;
import dev.logredact.it.apps.Scenario;
import dev.logredact.it.apps.Slf4jApp;
import dev.logredact.it.apps.ReportingApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redaction events end to end: real JVMs with the agent jar, on a fake GitHub Actions runner, leak fake
 * secrets through Logback (console, file, rolling and prudent file appenders), stdout and stderr, and report to a
 * real OTLP/HTTP receiver started here, or to none, or to one that refuses them. What arrives must match
 * what was masked, and no byte sent or left on disk may hold a secret of the test's inputs.
 */
class ReportingIT {
    /** Given by the environment only: found as a known secret. */
    private static final String DEPLOY_TOKEN = Scenario.DEPLOY_TOKEN;
    /** The runner's token: never printed, and never read for the CI context. */
    private static final String GITHUB_TOKEN = "ghs_" + "Vb3Nq8Lx5Kw2Rm7Tz9Pc4Hd6Jf1Gs0Ya8Ue";
    private static final String FINGERPRINT_KEY = "fpk-" + "Jw4Tq9Zr2Mx7Lb5Nc8Vd3Kh6";
    private static final String COLLECTOR_TOKEN = "ctk-" + "Ph7Ds2Wq9Lm4Xr8Kz3Nb6Vt5";
    private static final SecretForms SECRETS = new SecretForms(LeakyApp.PAT, Scenario.PASSWORD, DEPLOY_TOKEN, GITHUB_TOKEN, FINGERPRINT_KEY,
            COLLECTOR_TOKEN);

    /** What the app leaks after the Scenario through Logback: a PAT on stdout and stderr, DEPLOY_TOKEN in four forms. */
    private static final String[] SCENARIOS = {"println", "stderr", "env"};
    /**
     * What the run masks, by rule and channel. The Scenario's events are masked once per Logback file
     * appender (file, rolling, prudent): six PATs, a password and DEPLOY_TOKEN each; the console appender's
     * copy is masked on stdout, which it writes to (once more each, plus the app's own PAT and four
     * DEPLOY_TOKEN forms); its printStackTrace puts three PATs on stderr.
     */
    private static final Map<String, Long> MASKED = Map.of("github-pat on logback", 18L, "generic-password on logback", 3L,
            "env:DEPLOY_TOKEN on logback", 3L, "github-pat on stdout", 7L, "generic-password on stdout", 1L,
            "github-pat on stderr", 4L, "env:DEPLOY_TOKEN on stdout", 5L);

    private static final Map<String, String> CI_CONTEXT = ciContext();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SUMMARY = Pattern.compile(
            "^logredact: masked (\\d+) secrets \\(([^)]*)\\) on ([a-z0-9, ]+); events: (.*)$", Pattern.MULTILINE);

    private Path dir;

    @BeforeEach
    void freshDirectory(TestInfo test) throws IOException {
        dir = Paths.get("target", "reporting-it", test.getTestMethod().orElseThrow().getName()).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    @Test
    void theEventsReceivedAreWhatWasMasked() throws Exception {
        try (OtlpCollector collector = OtlpCollector.withToken(COLLECTOR_TOKEN)) {
            Leak leak = leak("jvm", collector.endpoint(), SCENARIOS);
            leak.assertMasked(0);
            List<OtlpCollector.Event> events = collector.events();
            assertEquals(events.size() + " sent, 0 spooled, 0 dead-lettered", leak.events());
            for (OtlpCollector.Request request : collector.requests()) {
                assertEquals("POST /v1/logs", request.target);
                assertEquals("application/json", request.contentType);
                assertTrue(request.gzip);
                assertEquals(200, request.status);
            }
            assertMatchMasking(events, MASKED, leak);
            assertNumbered(events, 1);
            SECRETS.assertNoneUnder(dir);
            assertNoSecretSent(collector);
        }
    }

    /**
     * With the collector down for the whole run, the exit waits no longer than its drain bound and leaves
     * the events spooled; the next JVM with the same spool directory and the collector up ships them
     * along with its own, and says so.
     */
    @Test
    void eventsSpooledWhileTheCollectorIsDownAreShippedByTheNextJvm() throws Exception {
        Leak first = leak("down", OtlpCollector.down(), SCENARIOS);
        first.assertMasked(0);
        // A hang guard only: the drain's own bound is 5 s; what it took is printed for the record.
        assertTrue(first.millis < 30_000, "the JVM took " + first.millis + " ms to exit with the collector down");
        Matcher spooled = Pattern.compile("0 sent, (\\d+) spooled, 0 dead-lettered").matcher(first.events());
        assertTrue(spooled.matches(), first.events());
        long left = Long.parseLong(spooled.group(1));
        assertTrue(left > 0);
        assertTrue(SECRETS.assertNoneUnder(dir.resolve("spool")) > 0, "nothing was spooled");

        try (OtlpCollector collector = OtlpCollector.withToken(COLLECTOR_TOKEN)) {
            Leak second = leak("up", collector.endpoint(), SCENARIOS);
            second.assertMasked(0);
            List<OtlpCollector.Event> events = collector.events();
            Map<String, List<OtlpCollector.Event>> byInstance = events.stream()
                    .collect(Collectors.groupingBy(OtlpCollector.Event::instance, LinkedHashMap::new, Collectors.toList()));
            assertEquals(2, byInstance.size(), "events of both JVMs: " + byInstance.keySet());
            List<OtlpCollector.Event> earlier = byInstance.values().stream().filter(e -> e.size() == left).findFirst()
                    .orElseThrow(() -> new AssertionError("no instance sent the " + left + " events spooled: " + events));
            assertEquals(events.size() + " sent (" + left + " from other JVMs), 0 spooled, 0 dead-lettered",
                    second.events());
            for (List<OtlpCollector.Event> instance : byInstance.values()) {
                assertMatchMasking(instance, MASKED, instance == earlier ? first : second);
            }
            assertNumbered(events, 2);
            System.out.printf("collector down: the JVM ran %d ms; collector up: %d ms%n", first.millis, second.millis);
            try (Stream<Path> files = Files.list(dir.resolve("spool"))) {
                assertEquals(List.of(), files.filter(p -> p.toString().contains(".jsonl")).collect(Collectors.toList()));
            }
            SECRETS.assertNoneUnder(dir);
            assertNoSecretSent(collector);
        }
    }

    /**
     * A collector that refuses the credentials gets one request and one clear warning; the events stay
     * spooled, and masking and the application's exit code are as without reporting.
     */
    @Test
    void refusedCredentialsKeepTheEventsSpooledAndChangeNothingElse() throws Exception {
        try (OtlpCollector collector = OtlpCollector.withToken("another-" + COLLECTOR_TOKEN)) {
            List<String> scenarios = new ArrayList<>(Arrays.asList(SCENARIOS));
            scenarios.add("exit-mid-line");
            Leak leak = leak("jvm", collector.endpoint(), scenarios.toArray(new String[0]));
            leak.assertMasked(3);
            assertTrue(leak.run.out().endsWith("\npartial " + FrameworkLogs.PAT_MASK), leak.run.out());
            List<String> warnings = leak.lines(line -> line.contains("collector refused the credentials"));
            assertEquals(List.of("logredact: warning: collector refused the credentials (401): events kept in "
                    + dir.resolve("spool") + "; check logredact.collector.headers"), warnings);
            assertEquals(1, collector.requests().size(), "no request after the 401");
            Matcher spooled = Pattern.compile("0 sent, (\\d+) spooled, 0 dead-lettered").matcher(leak.events());
            assertTrue(spooled.matches() && Long.parseLong(spooled.group(1)) > 0, leak.events());
            assertTrue(SECRETS.assertNoneUnder(dir.resolve("spool")) > 0, "nothing was spooled");
            assertFalse(Files.exists(dir.resolve("spool").resolve("dead-letter")));
            SECRETS.assertNoneUnder(dir);
            assertNoSecretSent(collector);
        }
    }

    /** A collector that rejects the events for good: they are dead-lettered, counted, and hold no secret. */
    @Test
    void rejectedEventsAreDeadLetteredWithoutASecret() throws Exception {
        try (OtlpCollector collector = OtlpCollector.answering(400)) {
            Leak leak = leak("jvm", collector.endpoint(), SCENARIOS);
            leak.assertMasked(0);
            Matcher dead = Pattern.compile("0 sent, 0 spooled, (\\d+) dead-lettered").matcher(leak.events());
            assertTrue(dead.matches(), leak.events());
            assertEquals(1, leak.lines(line -> line.contains("HTTP 400")).size(), leak.run.stderr);
            long records = collector.requests().stream().mapToLong(r -> r.events().size()).sum();
            assertEquals(Long.parseLong(dead.group(1)), records);
            assertTrue(SECRETS.assertNoneUnder(dir.resolve("spool").resolve("dead-letter")) > 0, "nothing dead-lettered");
            SECRETS.assertNoneUnder(dir);
            assertNoSecretSent(collector);
        }
    }

    /**
     * Opted in, a build that exports its own telemetry sends the events to the same collector, with the
     * exporter's percent-encoded headers.
     */
    @Test
    void theOpenTelemetryExporterVariablesServeWhenAskedFor() throws Exception {
        try (OtlpCollector collector = OtlpCollector.withToken(COLLECTOR_TOKEN)) {
            Map<String, String> reporting = new HashMap<>();
            reporting.put("LOGREDACT_COLLECTOR_OTEL_ENV", "true");
            reporting.put("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint().toString());
            reporting.put("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20" + COLLECTOR_TOKEN);
            Leak leak = leak("jvm", reporting, SCENARIOS);
            leak.assertMasked(0);
            List<OtlpCollector.Event> events = collector.events();
            assertEquals(events.size() + " sent, 0 spooled, 0 dead-lettered", leak.events());
            assertEquals(List.of("POST /v1/logs"), collector.requests().stream().map(r -> r.target).distinct()
                    .collect(Collectors.toList()));
            assertMatchMasking(events, MASKED, leak);
        }
    }

    /**
     * The events stand for exactly the maskings the exit summary counted (by rule on its line, by channel
     * in the step summary, and by both as {@code expected}), each with its secret's kind, name and keyed
     * fingerprint, which is the same on every channel, and with the job's CI context.
     */
    private static void assertMatchMasking(List<OtlpCollector.Event> events, Map<String, Long> expected, Leak leak)
            throws IOException {
        assertEquals(expected, sum(events, e -> e.get("logredact.rule.id") + " on " + e.get("logredact.channel")));
        assertEquals(leak.labels(), sum(events, e -> e.get("logredact.rule.id")));
        assertEquals(leak.stepSummaryChannels(), sum(events, e -> e.get("logredact.channel")));
        assertEquals(String.join(", ", leak.stepSummaryChannels().keySet()), leak.channels());
        Map<String, Set<String>> channelsBySecret = new TreeMap<>();
        for (OtlpCollector.Event e : events) {
            String rule = e.get("logredact.rule.id");
            boolean known = rule.equals("env:DEPLOY_TOKEN");
            String secret = known ? DEPLOY_TOKEN : rule.equals("generic-password") ? Scenario.PASSWORD : LeakyApp.PAT;
            assertEquals("logredact.secret.redacted", e.eventName);
            assertEquals(13, e.severity);
            assertEquals(known ? "literal" : "pattern", e.get("logredact.secret.kind"), e.toString());
            assertEquals(known ? "DEPLOY_TOKEN" : null, e.get("logredact.secret.name"), e.toString());
            assertEquals(fingerprint(secret), e.get("logredact.secret.fingerprint"), e.toString());
            channelsBySecret.computeIfAbsent(e.get("logredact.secret.fingerprint"), k -> new TreeSet<>())
                    .add(e.get("logredact.channel"));
            String channel = e.get("logredact.channel");
            assertEquals(channel.startsWith("std") ? channel : null, e.get("log.iostream"));
            assertEquals("main", e.get("logredact.thread"));
            assertTrue(e.body.startsWith("Masked " + rule + " ("), e.body);
            Map<String, String> resource = new TreeMap<>(e.resource);
            assertTrue(UUID.matcher(resource.remove("service.instance.id")).matches(), e.resource.toString());
            assertTrue(resource.remove("process.pid").matches("[1-9][0-9]*"), e.resource.toString());
            assertFalse(resource.remove("host.name").isEmpty());
            assertFalse(resource.remove("service.version").isEmpty());
            assertFalse(resource.remove("process.runtime.name").isEmpty());
            assertFalse(resource.remove("process.runtime.version").isEmpty());
            assertEquals(CI_CONTEXT, resource);
        }
        assertEquals(Map.of(fingerprint(LeakyApp.PAT), Set.of("logback", "stderr", "stdout"),
                fingerprint(Scenario.PASSWORD), Set.of("logback", "stdout"), fingerprint(DEPLOY_TOKEN), Set.of("logback", "stdout")),
                channelsBySecret);
        // The token holds characters that JSON and URLs escape, so those forms differ from the plain one.
        assertEquals(Set.of("plain", "base64", "json", "url"), events.stream().filter(e -> e.get("logredact.rule.id").startsWith("env:"))
                .map(e -> e.get("logredact.variant")).collect(Collectors.toSet()));
    }

    /**
     * Each event has its own {@code log.record.uid}; within each of {@code instances} JVMs, received in the
     * order they were numbered, {@code event.seq} counts 1, 2, 3, … without a gap.
     */
    private static void assertNumbered(List<OtlpCollector.Event> events, int instances) {
        Set<String> uids = new HashSet<>();
        Map<String, List<Long>> seqs = new LinkedHashMap<>();
        for (OtlpCollector.Event e : events) {
            assertTrue(UUID.matcher(e.get("log.record.uid")).matches(), e.toString());
            assertTrue(uids.add(e.get("log.record.uid")), "repeated " + e);
            seqs.computeIfAbsent(e.instance(), k -> new ArrayList<>()).add(Long.parseLong(e.get("logredact.event.seq")));
        }
        assertEquals(instances, seqs.size());
        for (List<Long> seq : seqs.values()) {
            for (int i = 0; i < seq.size(); i++) {
                assertEquals(i + 1, seq.get(i), "event.seq " + seq);
            }
        }
    }

    private static void assertNoSecretSent(OtlpCollector collector) {
        List<OtlpCollector.Request> requests = collector.requests();
        for (int i = 0; i < requests.size(); i++) {
            SECRETS.assertNoneIn("request " + i + " as sent", requests.get(i).sent);
            SECRETS.assertNoneIn("request " + i + " unzipped", requests.get(i).body);
        }
    }

    private static Map<String, Long> sum(List<OtlpCollector.Event> events, Function<OtlpCollector.Event, String> key) {
        return events.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.summingLong(OtlpCollector.Event::count)));
    }

    /** As ARCHITECTURE §6 says: {@code v1:} and the first 32 hex digits of HMAC-SHA256(key, secret). */
    private static String fingerprint(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(FINGERPRINT_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder("v1:");
            for (byte b : mac.doFinal(secret.getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", b));
            }
            return hex.substring(0, 3 + 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fake runner's variables; the step summary file is set per JVM. */
    private static Map<String, String> githubActions() {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_REPOSITORY", "acme/payments");
        env.put("GITHUB_WORKFLOW", "build");
        env.put("GITHUB_JOB", "test");
        env.put("GITHUB_RUN_ID", "9876543210");
        env.put("GITHUB_RUN_ATTEMPT", "2");
        env.put("GITHUB_SHA", "3f786850e387550fdab836ed7e6dc881de23001b");
        env.put("GITHUB_REF_NAME", "main");
        env.put("GITHUB_ACTOR", "octocat");
        env.put("GITHUB_TOKEN", GITHUB_TOKEN);
        return env;
    }

    /** The resource attributes {@link #githubActions()} must give, besides the service, host and process. */
    private static Map<String, String> ciContext() {
        Map<String, String> r = new TreeMap<>();
        r.put("service.name", "logredact-agent");
        r.put("logredact.cicd.system", "github-actions");
        r.put("logredact.cicd.actor", "octocat");
        r.put("cicd.pipeline.name", "build");
        r.put("cicd.pipeline.run.id", "9876543210");
        r.put("cicd.pipeline.run.url.full", "https://github.com/acme/payments/actions/runs/9876543210/attempts/2");
        r.put("cicd.pipeline.task.name", "test");
        r.put("vcs.repository.url.full", "https://github.com/acme/payments");
        r.put("vcs.ref.head.name", "main");
        r.put("vcs.ref.head.revision", "3f786850e387550fdab836ed7e6dc881de23001b");
        r.put("vcs.provider.name", "github");
        return r;
    }

    /**
     * Runs {@link ReportingApp} with the agent reporting to {@code endpoint} and spooling in this test's
     * {@code spool}; Logback 1.5 writes to the console, {@code NAME/app.log} and {@code NAME/rolling.log}.
     */
    private Leak leak(String name, URI endpoint, String... scenarios) throws Exception {
        Map<String, String> reporting = new HashMap<>();
        reporting.put("LOGREDACT_COLLECTOR_ENDPOINT", endpoint.toString());
        reporting.put("LOGREDACT_COLLECTOR_HEADERS", "Authorization=Bearer " + COLLECTOR_TOKEN);
        return leak(name, reporting, scenarios);
    }

    /** As {@link #leak(String, URI, String...)}, with {@code reporting} saying where the events go. */
    private Leak leak(String name, Map<String, String> reporting, String... scenarios) throws Exception {
        Path runDir = Files.createDirectories(dir.resolve(name));
        Path config = runDir.resolve("logback.xml");
        Files.write(config, LogbackIT.configuration(logs(runDir), null)
                .getBytes(StandardCharsets.UTF_8));
        Map<String, String> env = githubActions();
        env.put("GITHUB_STEP_SUMMARY", runDir.resolve("step-summary.md").toString());
        env.put("DEPLOY_TOKEN", DEPLOY_TOKEN);
        env.putAll(reporting);
        env.put("LOGREDACT_FINGERPRINT_KEY", FINGERPRINT_KEY);
        env.put("LOGREDACT_SPOOL_DIR", dir.resolve("spool").toString());
        long start = System.nanoTime();
        AgentJar.Run run = FrameworkLogs.run(ReportingApp.class, FrameworkLogs.libraries("logback-1.5.38"), env,
                List.of("-Dlogback.configurationFile=" + config), scenarios);
        return new Leak(run, (System.nanoTime() - start) / 1_000_000, runDir);
    }

    /** The files Logback writes in a run's directory: plain, rolling and prudent. */
    private static List<Path> logs(Path runDir) {
        return List.of(runDir.resolve("app.log"), runDir.resolve("rolling.log"), runDir.resolve("prudent.log"));
    }

    /** One JVM's run: its outputs, how long it took, and the files it wrote. */
    private static final class Leak {
        final AgentJar.Run run;
        final long millis;
        final Path dir;
        private final Matcher summary;

        Leak(AgentJar.Run run, long millis, Path dir) {
            this.run = run;
            this.millis = millis;
            this.dir = dir;
            this.summary = SUMMARY.matcher(run.stderr);
            assertTrue(summary.find(), run.stderr);
        }

        /** The app exited with {@code exitCode}, every output masked and Logback's files in shape. */
        void assertMasked(int exitCode) throws IOException {
            assertEquals(exitCode, run.exitCode, run.stderr);
            assertTrue(run.out().contains("println " + FrameworkLogs.PAT_MASK + "\n"), run.out());
            assertTrue(run.stderr.contains("stderr " + FrameworkLogs.PAT_MASK + "\n"), run.stderr);
            assertTrue(run.out().contains("plain [REDACTED:env:DEPLOY_TOKEN]\n"), run.out());
            List<String> events = FrameworkLogs.events(FrameworkLogs.pattern(Slf4jApp.class));
            for (Path file : logs(dir)) {
                FrameworkLogs.assertText(file.getFileName().toString(), Files.readString(file), events);
            }
            SECRETS.assertNoneIn("stdout", run.stdout);
            SECRETS.assertNoneIn("stderr", run.stderr.getBytes(StandardCharsets.UTF_8));
        }

        /** What the summary line says of the events, such as {@code 5 sent, 0 spooled, 0 dead-lettered}. */
        String events() {
            return summary.group(4);
        }

        /** The summary line's counts by rule. */
        Map<String, Long> labels() {
            Map<String, Long> labels = new TreeMap<>();
            for (String label : summary.group(2).split(", ")) {
                int x = label.lastIndexOf(" x");
                labels.put(label.substring(0, x), Long.parseLong(label.substring(x + 2)));
            }
            assertEquals(Long.parseLong(summary.group(1)), labels.values().stream().mapToLong(Long::longValue).sum());
            return labels;
        }

        /** The summary line's channels, such as {@code logback, stderr, stdout}. */
        String channels() {
            return summary.group(3);
        }

        /** The step summary's counts by channel. */
        Map<String, Long> stepSummaryChannels() throws IOException {
            String md = Files.readString(dir.resolve("step-summary.md"));
            int table = md.indexOf("| channel | masked |\n|---|---|\n");
            assertTrue(table >= 0, md);
            Map<String, Long> channels = new TreeMap<>();
            Matcher row = Pattern.compile("\\G\\| (\\S+) \\| (\\d+) \\|\n").matcher(md);
            row.region(table + "| channel | masked |\n|---|---|\n".length(), md.length());
            while (row.find()) {
                channels.put(row.group(1), Long.parseLong(row.group(2)));
            }
            return channels;
        }

        List<String> lines(Predicate<String> which) {
            return run.stderr.lines().filter(which).collect(Collectors.toList());
        }
    }
}
