package dev.logredact.collector.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract on SQLite, the default: a file in WAL mode. */
class SqliteStoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    String newStore() {
        return dir.resolve("store.db").toString();
    }

    @Test
    void theFileIsInWalMode() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
    }

    @Test
    void refusesWhatIsNoSqliteFile() {
        IllegalArgumentException memory = assertThrows(IllegalArgumentException.class,
                () -> Database.open("jdbc:sqlite::memory:", null, Duration.ofSeconds(1), false));
        assertTrue(memory.getMessage().contains("SQLite needs a file"), memory.getMessage());
        IllegalArgumentException missingDir = assertThrows(IllegalArgumentException.class,
                () -> Database.open(dir.resolve("no/such/dir/x.db").toString(), null, Duration.ofSeconds(1), false));
        assertTrue(missingDir.getMessage().startsWith("--db: the directory "), missingDir.getMessage());
        IllegalArgumentException mysql = assertThrows(IllegalArgumentException.class,
                () -> Database.open("jdbc:mysql://localhost/x", null, Duration.ofSeconds(1), false));
        assertEquals("--db: a JDBC URL must start with jdbc:sqlite: or jdbc:postgresql:", mysql.getMessage());
    }
}
