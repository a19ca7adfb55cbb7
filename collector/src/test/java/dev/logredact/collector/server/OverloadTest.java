package dev.logredact.collector.server;

import dev.logredact.collector.testing.CollectorClient;
import dev.logredact.collector.testing.OtlpEvents;
import dev.logredact.collector.testing.TestCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.logredact.collector.testing.CollectorClient.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under pressure the receiver says "later", with Retry-After, instead of queueing without bound or losing
 * events: 429 when more requests are in flight than allowed, 503 when the store cannot take a batch in
 * time. The pressure is real: another connection holds SQLite's write lock.
 */
class OverloadTest {
    @TempDir
    Path dir;

    private static byte[] event(int n) {
        return OtlpEvents.json(OtlpEvents.event(OtlpEvents.fingerprint(n), "DB_PASSWORD", "https://github.com/acme/shop",
                Instant.parse("2026-02-01T00:00:00Z").plusSeconds(n))).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBusyStoreGives503AndTooManyRequestsGive429BothWithRetryAfter() throws Exception {
        try (TestCollector collector = TestCollector.start(dir,
                new TestCollector.Options().maxConcurrent(1).storeTimeout(Duration.ofSeconds(2)))) {
            CollectorClient client = collector.client;
            byte[] one = event(1);
            byte[] two = event(2);
            List<HttpResponse<byte[]>> answers = new ArrayList<>();
            try (Connection blocker = DriverManager.getConnection("jdbc:sqlite:" + collector.dbFile);
                 Statement s = blocker.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                // Two threads of its own: the common pool may have only one on this machine.
                ExecutorService senders = Executors.newFixedThreadPool(2);
                try {
                    Future<HttpResponse<byte[]>> first = senders.submit(() -> client.postLogs(JSON, one));
                    Future<HttpResponse<byte[]>> second = senders.submit(() -> client.postLogs(JSON, two));
                    answers.add(first.get());
                    answers.add(second.get());
                } finally {
                    senders.shutdown();
                }
                s.execute("ROLLBACK");
            }
            List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
            assertEquals(List.of(429, 503), statuses, "one request waited for the store in vain, the other found no slot");
            for (HttpResponse<byte[]> r : answers) {
                assertTrue(r.headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"), "Retry-After in seconds");
                int code = CollectorClient.parse(r.body()).get("code").asInt();
                assertEquals(r.statusCode() == 429 ? 8 : 14, code, "RESOURCE_EXHAUSTED or UNAVAILABLE");
            }

            // The batch that timed out may still be committed once the lock is gone; the sender's resend
            // carries the same uids, so either way each event is stored once.
            assertEquals(200, client.postLogs(JSON, one).statusCode(), "the retry goes through");
            assertEquals(200, client.postLogs(JSON, two).statusCode());
            assertEquals(2, client.getJson("/api/v1/events").get("total").asInt());
            assertEquals(2, client.getJson("/api/v1/stats").get("ingest").get("refusedRequests").asInt());
        }
    }
}
