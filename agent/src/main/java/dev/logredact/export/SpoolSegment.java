package dev.logredact.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A segment this JVM appends to ({@code <instance>-<seq>.jsonl.tmp}), exclusively locked from before its
 * first line until it is sealed, so no other JVM takes it for abandoned while this one lives.
 */
final class SpoolSegment {
    /** Another JVM checking for abandoned segments holds a new file's lock for a moment at most. */
    private static final int LOCK_ATTEMPTS = 20;

    final Path path;
    private final FileChannel channel;
    private final long createdNanos = System.nanoTime();
    private long size;
    private long records;

    private SpoolSegment(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    static SpoolSegment create(Path path) throws IOException {
        FileChannel channel = SpoolDirectory.createFile(path);
        try {
            for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
                if (SpoolDirectory.tryLock(channel) != null) {
                    return new SpoolSegment(path, channel);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        } catch (IOException | RuntimeException e) {
            remove(channel, path);
            throw e;
        }
        remove(channel, path);
        throw new IOException("could not lock " + path);
    }

    private static void remove(FileChannel channel, Path path) throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(path);
        }
    }

    /**
     * Appends one line (with its line break) in one write. On failure the segment is cut back to its last
     * whole line, so a later reader never finds a torn line in the middle.
     */
    void append(byte[] line, int lineRecords) throws IOException {
        try {
            SpoolDirectory.writeFully(channel, ByteBuffer.wrap(line));
        } catch (IOException e) {
            try {
                channel.truncate(size);
                channel.position(size);
            } catch (IOException ignored) {
                // A torn tail that stays is dropped, with a count, by whoever reads the segment.
            }
            throw e;
        }
        size += line.length;
        records += lineRecords;
    }

    long size() {
        return size;
    }

    long records() {
        return records;
    }

    boolean olderThan(long nanos) {
        return System.nanoTime() - createdNanos >= nanos;
    }

    /** Deletes it unsealed: for a copy that could not be finished. */
    void discard() throws IOException {
        remove(channel, path);
    }

    /**
     * Renames it to {@code .jsonl} while still locked (so no JVM sees it open and unlocked), then lets go.
     * Returns where its lines are now; an empty segment is deleted and null returned.
     */
    Path seal() throws IOException {
        try {
            if (size == 0) {
                Files.deleteIfExists(path);
                return null;
            }
            Path sealed = SpoolDirectory.sealedPath(path);
            Files.move(path, sealed, StandardCopyOption.ATOMIC_MOVE);
            return sealed;
        } finally {
            channel.close();
        }
    }
}
