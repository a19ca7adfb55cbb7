package dev.logredact.collector.testing;

import dev.logredact.collector.incident.OwnerRules;
import dev.logredact.collector.server.CollectorServer;
import dev.logredact.collector.server.ServerSettings;
import dev.logredact.collector.store.Database;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/** A collector running in the test's JVM on a free loopback port, with its own SQLite file. */
public final class TestCollector implements AutoCloseable {
    public static final int MAX_BODY = 64 * 1024;
    public static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    /** "Now" for the server: state changes and SLA figures; starts at {@link #NOW}. */
    public final MutableClock clock;
    public final Path dbFile;
    public final Database db;
    public final CollectorServer server;
    public final CollectorClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TestCollector(Path dbFile, Database db, CollectorServer server, String token, MutableClock clock) {
        this.clock = clock;
        this.dbFile = dbFile;
        this.db = db;
        this.server = server;
        this.client = new CollectorClient(URI.create("http://127.0.0.1:" + server.port()), token);
    }

    /** Settings tests vary; the rest are fixed. */
    public static final class Options {
        String token;
        OwnerRules owners = OwnerRules.NONE;
        int maxConcurrent = 16;
        Duration storeTimeout = Duration.ofSeconds(5);
        String jdbcUrl;

        public Options token(String t) {
            token = t;
            return this;
        }

        public Options owners(OwnerRules o) {
            owners = o;
            return this;
        }

        public Options maxConcurrent(int n) {
            maxConcurrent = n;
            return this;
        }

        public Options storeTimeout(Duration d) {
            storeTimeout = d;
            return this;
        }

        /** Another store than a fresh SQLite file. */
        public Options jdbcUrl(String url) {
            jdbcUrl = url;
            return this;
        }
    }

    public static TestCollector start(Path dir) {
        return start(dir, new Options());
    }

    public static TestCollector start(Path dir, Options o) {
        Path file = dir.resolve("collector.db");
        Database db = Database.open(o.jdbcUrl != null ? o.jdbcUrl : file.toString(), null, o.storeTimeout, false);
        MutableClock clock = new MutableClock(NOW);
        CollectorServer server = CollectorServer.start(
                new ServerSettings("127.0.0.1", 0, o.token, MAX_BODY, o.maxConcurrent), db, o.owners, clock);
        return new TestCollector(file, db, server, o.token, clock);
    }

    /** Stops the server and closes the store; again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
            db.close();
        }
    }
}
