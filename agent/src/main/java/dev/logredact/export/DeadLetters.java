package dev.logredact.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code <spool>/dead-letter/}: lines the collector refused for good (or that are not OTLP lines at
 * all), kept as OTLP JSON Lines for a person to inspect or replay, never sent again by the agent.
 */
final class DeadLetters {
    private final Path dir;
    private final String instance;
    private final ExportWarnings warnings;
    private final AtomicInteger seq = new AtomicInteger();

    DeadLetters(Path dir, String instance, ExportWarnings warnings) {
        this.dir = dir;
        this.instance = instance;
        this.warnings = warnings;
    }

    Path dir() {
        return dir;
    }

    /** Writes the lines to a new file; never throws (a failure is told once). */
    void keep(List<String> lines) {
        Path file = dir.resolve(instance + "-" + SpoolDirectory.padded(seq.incrementAndGet()) + ".jsonl");
        try {
            SpoolDirectory.createOwnerOnly(dir);
            StringBuilder text = new StringBuilder();
            for (String line : lines) {
                text.append(line).append('\n');
            }
            try (FileChannel channel = SpoolDirectory.createFile(file)) {
                SpoolDirectory.writeFully(channel, ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException | RuntimeException e) {
            warnings.once("dead-letter-write", "logredact: warning: could not keep refused events in " + dir + " ("
                    + e + "); they are counted as dead-lettered but not kept");
        }
    }
}
