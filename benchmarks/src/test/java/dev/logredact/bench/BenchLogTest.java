package dev.logredact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchLogTest {

    @Test
    void answerKeyPointsAtTheLinesHoldingTheSecrets(@TempDir Path dir) throws Exception {
        List<List<String>> files = List.of(
                List.of("[INFO] one", "[INFO] two", "[INFO] three"),
                List.of("npm verbose a", "npm verbose b"));
        Path log = dir.resolve("bench.log");
        Path key = dir.resolve("bench.key");
        BenchLog.Stats stats = BenchLog.write(files, log, key, 200_000, 100, 1);

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertEquals(stats.lines(), lines.size());
        assertTrue(stats.leaks() > 10, "leaks: " + stats.leaks());
        int rows = 0;
        for (String row : Files.readAllLines(key, StandardCharsets.UTF_8)) {
            if (row.startsWith("#")) {
                continue;
            }
            String[] f = row.split("\t", 4);
            assertTrue(lines.get(Integer.parseInt(f[0]) - 1).contains(f[3]), row);
            rows++;
        }
        assertEquals(stats.secrets(), rows);
    }
}
