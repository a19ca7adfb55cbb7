package dev.logredact.collector.cli;

import dev.logredact.collector.store.Database;
import picocli.CommandLine.Option;

import java.time.Duration;

/** Where the store is, shared by {@code serve} and {@code report}. */
final class StoreOptions {
    static final String PASSWORD_VARIABLE = "LOGREDACT_DB_PASSWORD";

    @Option(names = "--db", paramLabel = "FILE|JDBC-URL", defaultValue = "logredact-collector.db",
            description = "SQLite file, or a jdbc:sqlite: or jdbc:postgresql: URL; the PostgreSQL password may come "
                    + "from $" + PASSWORD_VARIABLE + " (default: ${DEFAULT-VALUE})")
    String db;

    @Option(names = "--store-timeout-ms", paramLabel = "MS", defaultValue = "5000",
            description = "longest wait for the store before a request is refused with 503 (default: ${DEFAULT-VALUE})")
    long storeTimeoutMillis;

    Database open(boolean mustExist) {
        if (storeTimeoutMillis < 1) {
            throw new IllegalArgumentException("--store-timeout-ms must be 1 or more");
        }
        return Database.open(db, System.getenv(PASSWORD_VARIABLE), Duration.ofMillis(storeTimeoutMillis), mustExist);
    }
}
