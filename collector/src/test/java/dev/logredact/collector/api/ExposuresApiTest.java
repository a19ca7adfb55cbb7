package dev.logredact.collector.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logredact.collector.testing.OtlpEvents;
import dev.logredact.collector.testing.PostgresServer;
import dev.logredact.collector.testing.TestCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /api/v1/exposures}: per UTC day up to the collector's today, every day listed, counted the
 * same on SQLite and PostgreSQL.
 */
@ExtendWith(PostgresServer.Resolver.class)
class ExposuresApiTest {
    private static final String SHOP = "https://github.com/acme/shop";

    @TempDir
    Path dir;

    @Test
    void countsPerDayOnSqlite() {
        try (TestCollector collector = TestCollector.start(dir)) {
            countsPerDay(collector);
        }
    }

    @Test
    void countsPerDayOnPostgres(PostgresServer server) {
        try (TestCollector collector = TestCollector.start(dir, new TestCollector.Options().jdbcUrl(server.newDatabase()))) {
            countsPerDay(collector);
        }
    }

    /** The collector's today is 2026-03-01 ({@link TestCollector#NOW}); three days back starts 2026-02-27. */
    private static void countsPerDay(TestCollector collector) {
        collector.clock.set(Instant.parse("2026-03-01T18:00:00Z"));
        collector.client.postJson(OtlpEvents.json(
                event(1, "2026-02-26T23:59:59.999Z", 1), // the day before the window
                event(1, "2026-02-27T00:00:00Z", 3),
                event(1, "2026-02-27T23:59:59.999Z", 1),
                event(2, "2026-02-27T12:00:00Z", 2),
                event(3, "2026-03-01T17:00:00Z", 1),
                event(3, "2026-03-02T00:00:00Z", 1)), 200); // after today

        JsonNode series = collector.client.getJson("/api/v1/exposures?days=3");
        assertEquals("2026-02-27", series.get("from").asText());
        assertEquals("2026-03-01", series.get("to").asText());
        assertEquals(List.of("2026-02-27 3 6 2", "2026-02-28 0 0 0", "2026-03-01 1 1 1"), rows(series));

        JsonNode month = collector.client.getJson("/api/v1/exposures");
        assertEquals(30, month.get("days").size(), "30 days unless asked");
        assertEquals("2026-01-31", month.get("from").asText());
        assertEquals(List.of("2026-02-26 1 1 1", "2026-02-27 3 6 2", "2026-03-01 1 1 1"),
                rows(month).stream().filter(r -> !r.endsWith(" 0 0 0")).toList());
    }

    @Test
    void refusesWhatItCannotAnswer() {
        try (TestCollector collector = TestCollector.start(dir)) {
            for (String query : new String[] {"days=0", "days=367", "days=week", "days=3&days=4", "since=2026-01-01T00:00:00Z"}) {
                HttpResponse<String> r = collector.client.get("/api/v1/exposures?" + query);
                assertEquals(400, r.statusCode(), query);
            }
            assertEquals("days: must be a whole number from 1 to 366", collector.client.get("/api/v1/exposures?days=0").body()
                    .replaceAll(".*\"message\":\"([^\"]*)\".*", "$1"));
            assertEquals(366, collector.client.getJson("/api/v1/exposures?days=366").get("days").size());
        }
    }

    private static OtlpEvents.Record event(int secret, String time, long count) {
        return OtlpEvents.event(OtlpEvents.fingerprint(secret), "SECRET_" + secret, SHOP, Instant.parse(time))
                .attr("logredact.count", count);
    }

    /** "day events redactions secrets" per day. */
    private static List<String> rows(JsonNode series) {
        List<String> rows = new ArrayList<>();
        series.get("days").forEach(d -> rows.add(d.get("day").asText() + " " + d.get("events").asLong() + " "
                + d.get("redactions").asLong() + " " + d.get("secrets").asLong()));
        return rows;
    }
}
