package dev.logredact.export;

import dev.logredact.export.ScriptedCollector.Reply;
import dev.logredact.export.ScriptedCollector.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.logredact.export.TestEvents.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every OTLP/HTTP answer, from a real HTTP server, and what the exporter makes of it. */
class StatusPathsTest {
    private static final String TOKEN = "Bearer test-token-Qm8Zr2Xw5Lp9Kd3N";

    @TempDir
    Path spool;

    @RegisterExtension
    final ScriptedCollector collector = ScriptedCollector.start();
    private final TestEvents.Captured warnings = new TestEvents.Captured();

    private SpoolingExporter exporter(URI endpoint, ExportSettings settings) {
        return SpoolingExporter.start(endpoint, Collections.singletonMap("Authorization", TOKEN), spool,
                TestEvents.MASKER, warnings.stream, settings);
    }

    private SpoolingExporter exporter() {
        return exporter(collector.endpoint(), TestEvents.fast());
    }

    /** Three lines with 1, 2 and 3 records. */
    private static void appendSix(EventExport export) {
        export.append(line("a-0"), 1);
        export.append(line("a-1", "a-2"), 2);
        export.append(line("a-3", "a-4", "a-5"), 3);
    }

    private static void assertTotals(DeliveryTotals totals, long sent, long spooled, long deadLettered, long lost) {
        assertEquals(Arrays.asList(sent, spooled, deadLettered, lost),
                Arrays.asList(totals.sent, totals.spooled, totals.deadLettered, totals.lost), "sent, spooled, dead-lettered, lost");
    }

    private List<String> deadLetterLines() throws IOException {
        return TestEvents.linesIn(spool.resolve("dead-letter"));
    }

    /** How long the exporter waited to send again after {@code first}, measured at the collector. */
    private long waitedAfter(Reply first) throws InterruptedException {
        collector.script(first);
        SpoolingExporter export = exporter();
        export.append(line("a-0"), 1);

        assertTrue(collector.awaitUids(TestEvents.uids("a", 1), 10_000));
        assertTotals(export.drain(5000), 1, 0, 0, 0);
        List<Request> requests = collector.requests();
        return TimeUnit.NANOSECONDS.toMillis(requests.get(1).nanos - requests.get(0).nanos);
    }

    @Test
    void aCollectorThatTakesEverythingGetsItAllAndTheSpoolIsEmptied() throws IOException {
        SpoolingExporter export = exporter();
        appendSix(export);

        assertTotals(export.drain(5000), 6, 0, 0, 0);
        assertEquals(TestEvents.uids("a", 6), collector.uids().stream().sorted().collect(Collectors.toList()));
        for (Request request : collector.requests()) {
            assertEquals("POST", request.method);
            assertEquals("/v1/logs", request.path);
            assertEquals("application/json", request.headers.getFirst("Content-Type"));
            assertEquals("gzip", request.headers.getFirst("Content-Encoding"));
            assertTrue(request.headers.getFirst("User-Agent").startsWith("logredact-agent/"), request.headers.getFirst("User-Agent"));
            assertEquals(TOKEN, request.headers.getFirst("Authorization"));
            assertTrue(request.json, "the merged body is one JSON document: " + request.body);
        }
        assertEquals(Collections.emptyList(), TestEvents.files(spool), "nothing is left in the spool");
        assertEquals("", warnings.text());
    }

    @Test
    void rejectedRecordsOfAPartialSuccessAreDeadLetteredAndNeverSentAgain() throws IOException {
        collector.script(new Reply(200, "{\"partialSuccess\":{\"rejectedLogRecords\":\"2\",\"errorMessage\":\"2 records lack a timestamp\"}}"));
        ExportSettings settings = TestEvents.fast();
        settings.segmentAgeMillis = 60_000;
        SpoolingExporter export = exporter(collector.endpoint(), settings);
        appendSix(export);

        assertTotals(export.drain(5000), 4, 0, 2, 0);
        assertEquals(1, collector.requests().size(), "not retried");
        assertEquals(Arrays.asList(line("a-0"), line("a-1", "a-2"), line("a-3", "a-4", "a-5")), deadLetterLines(),
                "the whole batch is kept: which records were rejected is not said");
        assertTrue(warnings.text().contains("rejected 2 of 6 events (2 records lack a timestamp)"), warnings.text());
        assertTrue(warnings.text().contains(spool.resolve("dead-letter").toString()), warnings.text());
    }

    @Test
    void aPartialSuccessWithOnlyAWarningIsDelivered() throws IOException {
        collector.script(new Reply(200, "{\"partialSuccess\":{\"errorMessage\":\"unknown field ignored\"}}"));
        SpoolingExporter export = exporter();
        appendSix(export);

        assertTotals(export.drain(5000), 6, 0, 0, 0);
        assertEquals(Collections.emptyList(), TestEvents.files(spool.resolve("dead-letter")));
        assertTrue(warnings.text().contains("accepted the events with a warning: unknown field ignored"), warnings.text());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 500, 501})
    void aPermanentFailureIsDeadLetteredWithTheCollectorsMessage(int status) throws IOException {
        collector.respond(request -> Reply.status(status, "field body is not valid"));
        SpoolingExporter export = exporter();
        appendSix(export);

        assertTotals(export.drain(5000), 0, 0, 6, 0);
        assertEquals(6, collector.requests().stream().mapToInt(r -> r.uids.size()).sum(), "each record sent once, never again");
        assertEquals(6, deadLetterLines().stream().mapToInt(l -> OtlpLine.parse(l).records).sum());
        String text = warnings.text();
        assertTrue(text.contains("(HTTP " + status + ": field body is not valid)"), text);
        assertEquals(1, text.split("\n").length, "told once: " + text);
    }

    /** Records another JVM left in the spool and this one dead-letters are counted as such. */
    @Test
    void deadLetteredRecordsOfAnotherJvmAreToldApart() throws IOException {
        Files.write(spool.resolve("0123456789abcdef-000001.jsonl"), (line("b-0", "b-1") + "\n").getBytes(StandardCharsets.UTF_8));
        collector.respond(request -> Reply.status(400, "field body is not valid"));
        SpoolingExporter export = exporter();
        appendSix(export);

        DeliveryTotals totals = export.drain(5000);
        assertTotals(totals, 0, 0, 8, 0);
        assertEquals(Arrays.asList(0L, 2L), Arrays.asList(totals.sentForOthers, totals.deadLetteredForOthers));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedCredentialsStopSendingKeepTheSpoolAndALaterExporterShipsIt(int status) throws Exception {
        collector.script(Reply.status(status, "token expired").header("WWW-Authenticate", "Bearer realm=\"otlp\""));
        SpoolingExporter export = exporter();
        appendSix(export);
        assertTrue(collector.awaitRequests(1, 5000));
        export.append(line("a-6"), 1);
        Thread.sleep(200);

        assertTotals(export.drain(1000), 0, 7, 0, 0);
        assertEquals(1, collector.requests().size(), "nothing sent after the refusal");
        assertEquals("logredact: warning: collector refused the credentials (" + status + "): events kept in " + spool
                + "; check logredact.collector.headers\n", warnings.text());

        SpoolingExporter fixed = exporter();
        DeliveryTotals totals = fixed.drain(5000);
        assertTotals(totals, 7, 0, 0, 0);
        assertEquals(7, totals.sentForOthers, "all of them the first exporter's");
        assertTrue(collector.uids().containsAll(TestEvents.uids("a", 7)));
    }

    @Test
    void tooLargeIsSplitInHalvesUntilItFits() {
        collector.respond(request -> request.uids.size() > 2 ? Reply.status(413) : Reply.ok());
        ExportSettings settings = TestEvents.fast();
        settings.segmentAgeMillis = 60_000;
        SpoolingExporter export = exporter(collector.endpoint(), settings);
        for (int i = 0; i < 5; i++) {
            export.append(line("a-" + i), 1);
        }

        assertTotals(export.drain(5000), 5, 0, 0, 0);
        List<Integer> sizes = collector.requests().stream().map(r -> r.uids.size()).collect(Collectors.toList());
        assertEquals(Arrays.asList(5, 2, 3, 1, 2), sizes, "5 lines refused, then halves of 2 and 3, the 3 halved again");
        assertEquals(TestEvents.uids("a", 5), collector.uids().stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void aSingleLineThatIsStillTooLargeIsDeadLettered() throws IOException {
        collector.respond(request -> Reply.status(413, "request body too large"));
        SpoolingExporter export = exporter();
        export.append(line("a-0", "a-1"), 2);

        assertTotals(export.drain(5000), 0, 0, 2, 0);
        assertEquals(Collections.singletonList(line("a-0", "a-1")), deadLetterLines());
    }

    @Test
    void retryAfterInSecondsIsHonoured() throws Exception {
        long waited = waitedAfter(Reply.status(429).header("Retry-After", "1"));
        assertTrue(waited >= 1000, "backoff alone would retry in 5 ms; waited " + waited + " ms");
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        long waited = waitedAfter(Reply.status(503).header("Retry-After", inTwoSeconds));
        // The date has whole seconds: two seconds ahead, cut to the second, is at least one second ahead.
        assertTrue(waited >= 950, "waited " + waited + " ms");
    }

    @Test
    void drainCutsALongRetryAfterShort() throws Exception {
        collector.script(Reply.status(503).header("Retry-After", "120"));
        SpoolingExporter export = exporter();
        export.append(line("a-0"), 1);
        awaitBackoff();

        assertTotals(export.drain(5000), 1, 0, 0, 0);
        assertEquals(2, collector.requests().size());
    }

    @Test
    void duringADrainARetryAfterPastTheDeadlineEndsTheDrainAtOnce() throws Exception {
        collector.respond(request -> Reply.status(503).header("Retry-After", "120"));
        SpoolingExporter export = exporter();
        export.append(line("a-0"), 1);
        awaitBackoff();

        long start = System.nanoTime();
        assertTotals(export.drain(10_000), 0, 1, 0, 0);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(tookMillis < 5000, "the exit is not held until the deadline: " + tookMillis + " ms");
        assertEquals(2, collector.requests().size(), "one more attempt at the drain, then none");
    }

    /** Waits until the export thread is in a retry's backoff. */
    private static void awaitBackoff() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - end < 0) {
            for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
                if (thread.getKey().getName().equals("logredact-export") && thread.getKey().getState() == Thread.State.TIMED_WAITING
                        && Arrays.stream(thread.getValue()).anyMatch(frame -> frame.getMethodName().equals("pause"))) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the export thread never backed off");
    }

    @Test
    void unavailableAndGatewayErrorsAreRetriedUntilDelivered() {
        collector.script(Reply.status(502), Reply.status(503), Reply.status(504), Reply.status(429));
        SpoolingExporter export = exporter();
        appendSix(export);

        assertTotals(export.drain(5000), 6, 0, 0, 0);
        List<Integer> statuses = collector.requests().stream().map(r -> r.reply.status).collect(Collectors.toList());
        assertEquals(Arrays.asList(502, 503, 504, 429), statuses.subList(0, 4));
        assertEquals(TestEvents.uids("a", 6), collector.uids().stream().sorted().collect(Collectors.toList()));
        assertEquals("", warnings.text(), "retries are silent");
    }

    @Test
    void aCollectorThatIsDownAndThenComesUpGetsEverything() throws Exception {
        int port = ScriptedCollector.unusedPort();
        SpoolingExporter export = exporter(ScriptedCollector.endpointOn(port), TestEvents.fast());
        appendSix(export);
        Thread.sleep(300);
        assertFalse(TestEvents.files(spool).isEmpty(), "spooled while the collector is down");

        try (ScriptedCollector late = ScriptedCollector.startOn(port)) {
            assertTrue(late.awaitUids(TestEvents.uids("a", 6), 10_000));
            assertTotals(export.drain(5000), 6, 0, 0, 0);
        }
    }

    @Test
    void aSlowCollectorTimesOutAndIsTriedAgain() throws Exception {
        collector.script(Reply.ok().after(1500));
        ExportSettings settings = TestEvents.fast();
        settings.timeoutMillis = 300;
        SpoolingExporter export = exporter(collector.endpoint(), settings);
        export.append(line("a-0"), 1);

        assertTrue(collector.awaitUids(TestEvents.uids("a", 1), 10_000));
        assertTotals(export.drain(5000), 1, 0, 0, 0);
        assertTrue(collector.requests().size() >= 2, "sent again after the timeout");
    }

    @Test
    void aConnectionClosedWithoutResponseIsRetried() {
        collector.script(Reply.drop());
        SpoolingExporter export = exporter();
        export.append(line("a-0"), 1);

        assertTotals(export.drain(5000), 1, 0, 0, 0);
        assertEquals(2, collector.requests().size());
    }

    @Test
    void drainNeverWaitsLongerThanAsked() {
        collector.respond(request -> Reply.ok().after(5000));
        SpoolingExporter export = exporter();
        appendSix(export);

        long start = System.nanoTime();
        DeliveryTotals totals = export.drain(300);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // Generous: the point is that a collector holding the request does not hold the exit.
        assertTrue(tookMillis < 3000, "drain(300) took " + tookMillis + " ms");
        assertTotals(totals, 0, 6, 0, 0);
    }
}
