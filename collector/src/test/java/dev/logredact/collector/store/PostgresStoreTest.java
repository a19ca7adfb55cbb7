package dev.logredact.collector.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logredact.collector.testing.OtlpEvents;
import dev.logredact.collector.testing.PostgresServer;
import dev.logredact.collector.testing.TestCollector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract on a real PostgreSQL server, started from the machine's binaries. */
@ExtendWith(PostgresServer.Resolver.class)
class PostgresStoreTest extends StoreContract {
    private static PostgresServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void server(PostgresServer shared) {
        server = shared;
    }

    @Override
    String newStore() {
        return server.newDatabase();
    }

    @Test
    void theCollectorRunsOnPostgres() {
        try (TestCollector collector = TestCollector.start(dir, new TestCollector.Options().jdbcUrl(server.newDatabase()))) {
            collector.client.postJson(OtlpEvents.json(OtlpEvents.event(OtlpEvents.fingerprint(1), "DB_PASSWORD", SHOP,
                    Instant.parse("2026-02-01T00:00:00Z"))), 200);
            JsonNode incidents = collector.client.getJson("/api/v1/incidents?repository=" + SHOP);
            assertEquals(1, incidents.get("total").asInt());
        }
    }

    @Test
    void anUnreachableServerIsOneClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Database.open("jdbc:postgresql://127.0.0.1:1/none?user=x", "not-a-real-password", Duration.ofMillis(500), false));
        assertTrue(e.getMessage().startsWith("cannot connect to PostgreSQL //127.0.0.1:1/none: "), e.getMessage());
        assertTrue(!e.getMessage().contains("not-a-real-password"));
    }
}
