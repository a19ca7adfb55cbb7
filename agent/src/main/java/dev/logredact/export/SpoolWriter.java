package dev.logredact.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This JVM's side of the spool (reporting note §4 rule 1): appends each line to its own open segment
 * before anything tries to send it, seals the segment by size or age so it can be shipped, and knows how
 * many of its records are still on disk.
 */
final class SpoolWriter {
    private final SpoolDirectory directory;
    private final long maxBytes;
    private final long maxAgeNanos;
    private final ExportSchedule schedule;
    /** This JVM's sealed segments and how many of their records are not yet resolved. */
    private final Map<Path, Long> unshipped = new ConcurrentHashMap<>();
    private SpoolSegment current;
    private int seq;

    SpoolWriter(SpoolDirectory directory, long maxBytes, long maxAgeNanos, ExportSchedule schedule) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.maxAgeNanos = maxAgeNanos;
        this.schedule = schedule;
    }

    /** Appends the line (flushed to the file system when this returns); on failure nothing is kept. */
    synchronized void append(String line, int records) throws IOException {
        if (current != null && current.olderThan(maxAgeNanos)) {
            seal();
        }
        if (current == null) {
            SpoolDirectory.createOwnerOnly(directory.dir);
            current = SpoolSegment.create(directory.openSegment(++seq));
        }
        try {
            current.append((line + "\n").getBytes(StandardCharsets.UTF_8), records);
        } catch (IOException e) {
            // A segment that failed once is not written again: the next line gets a fresh one.
            seal();
            throw e;
        }
        if (current.size() >= maxBytes) {
            seal();
        }
    }

    /** Seals the open segment when it has been open that long; called by the export thread. */
    synchronized void sealIfOlderThanMax() throws IOException {
        if (current != null && current.olderThan(maxAgeNanos)) {
            seal();
        }
    }

    /** Makes the open segment shippable, if there is one. */
    synchronized void seal() throws IOException {
        SpoolSegment segment = current;
        if (segment == null) {
            return;
        }
        current = null;
        try {
            Path sealed = segment.seal();
            if (sealed != null) {
                unshipped.put(sealed, segment.records());
                schedule.wake();
            }
        } catch (IOException e) {
            // Still on disk under its open name: a later JVM seals and ships it.
            unshipped.put(segment.path, segment.records());
            throw e;
        }
    }

    /**
     * Writes lines still to be sent into a new sealed segment of this JVM, replacing {@code from}
     * (which the caller then deletes): how a segment that was partly resolved is put back.
     */
    synchronized void respool(List<OtlpLine> lines, Path from) throws IOException {
        SpoolDirectory.createOwnerOnly(directory.dir);
        SpoolSegment segment = SpoolSegment.create(directory.openSegment(++seq));
        try {
            for (OtlpLine line : lines) {
                segment.append((line.text + "\n").getBytes(StandardCharsets.UTF_8), line.records);
            }
        } catch (IOException e) {
            segment.discard();
            throw e;
        }
        Path sealed = segment.seal();
        unshipped.remove(from);
        if (sealed != null) {
            unshipped.put(sealed, segment.records());
        }
    }

    /** Records of this JVM's segment {@code segment} resolved (sent or dead-lettered) by this JVM. */
    void resolved(Path segment, int records) {
        unshipped.computeIfPresent(segment, (path, left) -> left - records);
    }

    /** The segment is gone: shipped, or its rest {@link #respool respooled}. */
    void forget(Path segment) {
        unshipped.remove(segment);
    }

    /** This JVM's records still on disk; a segment another JVM shipped is no longer there. */
    synchronized long recordsOnDisk() {
        long records = current == null ? 0 : current.records();
        for (Map.Entry<Path, Long> segment : unshipped.entrySet()) {
            if (Files.exists(segment.getKey())) {
                records += segment.getValue();
            }
        }
        return records;
    }
}
