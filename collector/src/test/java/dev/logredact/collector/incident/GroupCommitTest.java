package dev.logredact.collector.incident;

import dev.logredact.collector.model.RedactionEvent;
import dev.logredact.collector.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.logredact.collector.testing.Events.event;
import static dev.logredact.collector.testing.OtlpEvents.fingerprint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GroupCommitTest {
    @TempDir
    Path dir;

    @Test
    void concurrentBatchesEachLearnWhatBecameOfThemAndABadOneFailsAlone() throws Exception {
        Instant t = Instant.parse("2026-02-01T00:00:00Z");
        try (Database db = Database.open(dir.resolve("g.db").toString(), null, Duration.ofSeconds(10), false);
             GroupCommit commit = new GroupCommit(new EventRecorder(db, OwnerRules.NONE), Duration.ofSeconds(10))) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<CompletableFuture<EventRecorder.Recorded>> good = new ArrayList<>();
                List<CompletableFuture<EventRecorder.Recorded>> bad = new ArrayList<>();
                for (int b = 0; b < 40; b++) {
                    List<RedactionEvent> batch = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        batch.add(event("b" + b + "-" + i, fingerprint(b % 7), "DB_PASSWORD", "https://github.com/acme/shop", t, null, null));
                    }
                    // Every batch also resends the first event of batch 0.
                    batch.add(event("b0-0", fingerprint(0), "DB_PASSWORD", "https://github.com/acme/shop", t, null, null));
                    good.add(CompletableFuture.supplyAsync(() -> commit.record(batch), pool));
                    if (b % 10 == 5) {
                        RedactionEvent e = event("bad" + b, fingerprint(1), "X", null, t, null, null);
                        List<RedactionEvent> broken = List.of(new RedactionEvent(e.uid(), e.occurredAt(), e.receivedAt(),
                                e.fingerprint(), null, null, null, null, null, null, null, 1, null, null, null, null, null,
                                null, null, null, null, null, null, null));
                        bad.add(CompletableFuture.supplyAsync(() -> commit.record(broken), pool));
                    }
                }
                int stored = 0;
                int duplicates = 0;
                for (CompletableFuture<EventRecorder.Recorded> f : good) {
                    EventRecorder.Recorded r = f.get();
                    assertEquals(6, r.stored() + r.duplicates());
                    stored += r.stored();
                    duplicates += r.duplicates();
                }
                assertEquals(40 * 5, stored, "every new event stored once");
                assertEquals(40, duplicates, "the resent one counted as a duplicate everywhere but once");
                for (CompletableFuture<EventRecorder.Recorded> f : bad) {
                    assertThrows(Exception.class, f::get, "a rule id is required by the schema");
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
