package dev.logredact.export;

import dev.logredact.mask.Span;
import io.opentelemetry.proto.logs.v1.LogRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reporter between the writing threads and the export: repeats merged, every masking accounted for
 * (in an event's count or as dropped), numbers monotonic, and writers never held up by a stalled export.
 */
class ReporterTest {
    /** Long enough that nothing falls due by itself during a test: only a flush hands events over. */
    private static final long NEVER = TimeUnit.HOURS.toMillis(1);
    /** A bound for waits that only a hang would reach; the tests do not measure time. */
    private static final long HANG_GUARD_SECONDS = 60;

    private final RecordingExport export = new RecordingExport();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true);

    private Reporter reporter(EventExport to, int queue, int overflowKeys, long windowMillis) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("service.name", AgentResource.SERVICE_NAME);
        Reporter r = new Reporter(to, () -> new OtlpJson(resource, "test", UnaryOperator.identity()), System::currentTimeMillis,
                err, queue, overflowKeys, windowMillis);
        r.startThread();
        return r;
    }

    private static Span span(String fingerprint) {
        return new Span(0, 40, "github-pat", Span.Kind.PATTERN, null, "plain", fingerprint);
    }

    private static Map<String, String> attributes(LogRecord r) {
        return OtlpRequests.attributes(r.getAttributesList());
    }

    private static long maskings(List<LogRecord> records) {
        return records.stream().mapToLong(r -> Long.parseLong(attributes(r).get("logredact.count"))).sum();
    }

    @Test
    void repeatsBecomeOneEventWithACountAndFlushHandsItOver() {
        Reporter r = reporter(export, 2048, 1024, NEVER);
        for (int i = 0; i < 1000; i++) {
            r.redacted(span("v1:aa"), "stdout", null);
        }
        r.redacted(span("v1:aa"), "stderr", null);
        assertTrue(r.flush(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS)));
        List<LogRecord> records = OtlpRequests.records(export.lines());
        assertEquals(2, records.size());
        assertEquals("1000", attributes(records.get(0)).get("logredact.count"));
        assertEquals("stdout", attributes(records.get(0)).get("logredact.channel"));
        assertEquals(Thread.currentThread().getName(), attributes(records.get(0)).get("logredact.thread"));
        assertEquals("1", attributes(records.get(1)).get("logredact.count"));
        assertEquals(2, r.reported());
        assertEquals(0, r.dropped());
    }

    @Test
    void sequenceNumbersAreMonotonicWithoutGapsAndIdsUnique() {
        Reporter r = reporter(export, 2048, 1024, 0);
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 300; i++) {
                r.redacted(span("v1:" + round + "-" + i), "stdout", null);
            }
            assertTrue(r.flush(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS)));
        }
        List<LogRecord> records = OtlpRequests.records(export.lines());
        assertEquals(1500, records.size());
        Set<String> uids = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            assertEquals(Long.toString(i + 1), attributes(records.get(i)).get("logredact.event.seq"));
            assertTrue(uids.add(attributes(records.get(i)).get("log.record.uid")));
        }
    }

    @Test
    void writersNeverWaitForAStalledExportAndNoMaskingIsLost() throws Exception {
        Reporter r = reporter(export, 16, 8, 0);
        export.hold();
        r.redacted(span("v1:first"), "stdout", null);
        assertTrue(export.awaitAppend(HANG_GUARD_SECONDS), "the reporter thread is stuck in the export");
        int threads = 4;
        int each = 20_000;
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String fingerprint = "v1:writer-" + t;
            Thread w = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    r.redacted(span(fingerprint), "stdout", null);
                }
            }, "writer-" + t);
            writers.add(w);
            w.start();
        }
        for (Thread w : writers) {
            w.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
            assertFalse(w.isAlive(), w.getName() + " is blocked");
        }
        assertTrue(export.lines().isEmpty(), "the export was still stalled while they wrote");
        export.release();
        assertTrue(r.flush(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS)));
        // Few keys: the queue's overflow merged every repeat, so nothing was dropped.
        assertEquals(0, r.dropped());
        assertEquals(1 + threads * each, maskings(OtlpRequests.records(export.lines())));
    }

    @Test
    void memoryIsBoundedWhenEveryMaskingIsNewAndDropsAreCounted() throws Exception {
        int queue = 16;
        int overflowKeys = 8;
        Reporter r = reporter(export, queue, overflowKeys, 0);
        export.hold();
        r.redacted(span("v1:first"), "stdout", null);
        assertTrue(export.awaitAppend(HANG_GUARD_SECONDS));
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            r.redacted(span("v1:" + i), "stdout", null);
        }
        // What is held while the export is stalled: the queue and the overflow map, nothing more.
        assertEquals(n - queue - overflowKeys, r.dropped());
        export.release();
        assertTrue(r.flush(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS)));
        List<LogRecord> records = OtlpRequests.records(export.lines());
        assertEquals(1 + queue + overflowKeys, records.size());
        assertEquals(1 + n, maskings(records) + r.dropped());
    }

    @Test
    void aFlushGivesUpAtItsBoundWhenTheExportIsStalled() throws Exception {
        Reporter r = reporter(export, 16, 8, 0);
        export.hold();
        r.redacted(span("v1:first"), "stdout", null);
        assertTrue(export.awaitAppend(HANG_GUARD_SECONDS));
        assertFalse(r.flush(50));
        export.release();
        assertTrue(r.flush(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS)));
        assertEquals(1, r.reported());
    }

    @Test
    void nothingHeldNothingSent() {
        Reporter r = reporter(export, 16, 8, NEVER);
        assertTrue(r.flush(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS)));
        assertTrue(export.lines().isEmpty());
    }

    @Test
    void aFailingExportIsCountedOnceAndReportingGoesOn() {
        EventExport failingOnce = new EventExport() {
            private boolean failed;

            @Override
            public void append(String otlpJsonLine, int records) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("disk on fire");
                }
                export.append(otlpJsonLine, records);
            }

            @Override
            public DeliveryTotals drain(long millis) {
                return export.drain(millis);
            }
        };
        Reporter r = reporter(failingOnce, 2048, 1024, NEVER);
        for (int i = 0; i < 3; i++) {
            r.redacted(span("v1:lost"), "stdout", null);
        }
        assertTrue(r.flush(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS)));
        assertEquals(3, r.dropped());
        r.redacted(span("v1:kept"), "stdout", null);
        assertTrue(r.flush(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS)));
        assertEquals(1, OtlpRequests.records(export.lines()).size());
        String warnings = errBytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, warnings.split("could not be reported", -1).length - 1, warnings);
        assertFalse(warnings.contains("disk on fire"), "the exception's message is not printed: " + warnings);
    }

    @Test
    void eventsFallDueByThemselvesAfterTheWindow() throws Exception {
        Reporter r = reporter(export, 2048, 1024, 0);
        r.redacted(span("v1:aa"), "stdout", null);
        assertTrue(export.awaitAppend(HANG_GUARD_SECONDS), "sent without a flush");
    }

    @Test
    void theReporterThreadIsANamedDaemon() {
        reporter(export, 16, 8, NEVER);
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(Reporter.THREAD) && t.isDaemon()));
    }
}
