package dev.logredact.collector.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The collector's store: a connection pool on SQLite (a file, the default) or PostgreSQL (for several
 * stateless collectors behind a load balancer), one schema migrated by Flyway, and transactions that
 * say whether a failure is worth retrying.
 */
public final class Database implements AutoCloseable {
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final Duration timeout;
    private final String description;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private Database(HikariDataSource pool, Dialect dialect, Duration timeout, String description) {
        this.pool = pool;
        this.dialect = dialect;
        this.timeout = timeout;
        this.description = description;
    }

    /**
     * Opens (and creates or migrates) the store named by {@code spec}: a JDBC URL ({@code jdbc:sqlite:…},
     * {@code jdbc:postgresql:…}) or a file path for SQLite. {@code password}, when not null, is used for
     * PostgreSQL so that it need not sit in the URL on a command line. {@code timeout} bounds every wait
     * for the store.
     *
     * @throws IllegalArgumentException with a message for people when the store cannot be opened
     */
    public static Database open(String spec, String password, Duration timeout, boolean mustExist) {
        String url = spec.startsWith("jdbc:") ? spec : "jdbc:sqlite:" + spec;
        Dialect dialect = Dialect.of(url);
        String description = describe(url);
        if (dialect == Dialect.SQLITE) {
            checkSqliteFile(url.substring("jdbc:sqlite:".length()), mustExist);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("logredact-store");
        config.setJdbcUrl(url);
        config.setConnectionTimeout(Math.max(250, timeout.toMillis()));
        config.setValidationTimeout(Math.max(250, timeout.toMillis()));
        if (dialect == Dialect.SQLITE) {
            config.setMaximumPoolSize(4);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", String.valueOf(timeout.toMillis()));
            config.addDataSourceProperty("foreign_keys", "true");
            // A write transaction takes the lock at BEGIN, so it never fails half-way on a lock upgrade.
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            config.setMaximumPoolSize(10);
            config.addDataSourceProperty("ApplicationName", "logredact-collector");
            if (password != null) {
                config.setPassword(password);
            }
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new IllegalArgumentException("cannot connect to " + description + ": " + rootMessage(e));
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .placeholders(Map.of("identity", dialect.identityColumn))
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new IllegalArgumentException("cannot migrate the schema of " + description + ": " + rootMessage(e));
        }
        return new Database(pool, dialect, timeout, description);
    }

    private static void checkSqliteFile(String file, boolean mustExist) {
        if (file.isEmpty() || file.startsWith(":memory:") || file.contains("mode=memory")) {
            throw new IllegalArgumentException("--db: SQLite needs a file (an in-memory database is not shared between connections)");
        }
        Path path = Path.of(file.contains("?") ? file.substring(0, file.indexOf('?')) : file).toAbsolutePath();
        if (mustExist && !Files.isRegularFile(path)) {
            throw new IllegalArgumentException("--db: there is no database at " + path);
        }
        if (!Files.isDirectory(path.getParent())) {
            throw new IllegalArgumentException("--db: the directory " + path.getParent() + " does not exist");
        }
    }

    /** The store for messages: the file, or the server and database without user, password or options. */
    private static String describe(String url) {
        int query = url.indexOf('?');
        String bare = query < 0 ? url : url.substring(0, query);
        return bare.startsWith("jdbc:sqlite:") ? "SQLite " + bare.substring(12) : "PostgreSQL " + bare.substring(16);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Whether a connection can be had and answers within the timeout. */
    public boolean reachable() {
        try (Connection c = pool.getConnection()) {
            return c.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (SQLException e) {
            return false;
        }
    }

    /** The longest wait for the store, as configured. */
    public Duration timeout() {
        return timeout;
    }

    public String description() {
        return description;
    }

    /** Work in one transaction, committed when it returns; writers queue where the dialect needs it. */
    public <T> T write(SqlWork<T> work) {
        boolean locked = false;
        try {
            if (dialect.serializesWrites) {
                locked = writeLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!locked) {
                    throw new StoreUnavailableException("the store is busy: no write slot within " + timeout.toMillis() + " ms", null);
                }
            }
            Connection c = pool.getConnection();
            try {
                c.setAutoCommit(false);
                T result = work.run(c);
                c.commit();
                c.close();
                return result;
            } catch (SQLException e) {
                // A failed BEGIN or COMMIT can leave the driver unsure whether a transaction is open: never reuse it.
                rollback(c);
                pool.evictConnection(c);
                throw e;
            } catch (RuntimeException e) {
                rollback(c);
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw translated(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the store", e);
        } finally {
            if (locked) {
                writeLock.unlock();
            }
        }
    }

    /** Work on a connection in auto-commit mode: reads see committed data and never block writers. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translated(e);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool will discard it and the original failure is reported.
        }
    }

    private RuntimeException translated(SQLException e) {
        if (retryable(e)) {
            return new StoreUnavailableException("the store is unavailable: " + e.getMessage(), e);
        }
        return new IllegalStateException("store failure on " + description + ": " + e.getMessage(), e);
    }

    private static boolean retryable(SQLException e) {
        if (e instanceof SQLTransientException) {
            return true;
        }
        if (e instanceof SQLiteException) {
            int code = e.getErrorCode() & 0xff;
            return code == SQLITE_BUSY || code == SQLITE_LOCKED;
        }
        String state = e.getSQLState();
        // Connection (08), transaction rollback incl. serialization and deadlock (40), resources (53), operator (57).
        return state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57"));
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Work on one connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
