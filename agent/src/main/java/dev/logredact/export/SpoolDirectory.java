package dev.logredact.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The spool directory several JVMs share. Segment files are OTLP JSON Lines (the OTLP file exporter's
 * format, so any OTLP tool can replay them): {@code <instance>-<seq>.jsonl.tmp} while its JVM appends to it
 * under an exclusive lock, renamed to {@code .jsonl} when sealed. A sealed segment is sent by whichever JVM
 * locks it first, and deleted by it once the collector took it; names are never reused and files never
 * replaced, so a file that is gone once its lock is had was shipped by its holder.
 */
final class SpoolDirectory {
    static final String SEALED = ".jsonl";
    static final String OPEN = ".jsonl.tmp";
    /** An empty unlocked open segment younger than this may be one its writer is about to lock. */
    private static final long EMPTY_SEGMENT_GRACE_MILLIS = TimeUnit.MINUTES.toMillis(1);

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    final Path dir;
    final String instance;

    SpoolDirectory(Path dir, String instance) {
        this.dir = dir;
        this.instance = instance;
    }

    /** The path of this JVM's open segment number {@code seq}. */
    Path openSegment(int seq) {
        return dir.resolve(instance + "-" + padded(seq) + OPEN);
    }

    /** Sealed segments, oldest first (by last write, then name); none when the directory is missing. */
    List<Path> sealed() throws IOException {
        final Map<Path, Long> written = new HashMap<>();
        for (Path path : list(SEALED)) {
            try {
                written.put(path, Files.getLastModifiedTime(path).toMillis());
            } catch (NoSuchFileException e) {
                // Shipped by another JVM meanwhile.
            }
        }
        List<Path> sorted = new ArrayList<>(written.keySet());
        sorted.sort(Comparator.comparing((Path p) -> written.get(p)).thenComparing(p -> p.getFileName().toString()));
        return sorted;
    }

    /**
     * Seals open segments of other JVMs that died while appending (their lock is free), so they are shipped
     * like any other; a torn last line is dropped when the segment is read.
     */
    void sealAbandoned() throws IOException {
        for (Path open : list(OPEN)) {
            if (isOwn(open)) {
                continue;
            }
            try (FileChannel channel = FileChannel.open(open, StandardOpenOption.WRITE)) {
                FileLock lock = tryLock(channel);
                // Gone once locked: its writer sealed it and let go meanwhile.
                if (lock == null || !Files.exists(open)) {
                    continue;
                }
                if (channel.size() > 0) {
                    Files.move(open, sealedPath(open), StandardCopyOption.ATOMIC_MOVE);
                } else if (System.currentTimeMillis() - Files.getLastModifiedTime(open).toMillis() > EMPTY_SEGMENT_GRACE_MILLIS) {
                    Files.delete(open);
                }
            } catch (NoSuchFileException e) {
                // Sealed by its writer meanwhile.
            }
        }
    }

    static Path sealedPath(Path open) {
        String name = open.getFileName().toString();
        return open.resolveSibling(name.substring(0, name.length() - OPEN.length() + SEALED.length()));
    }

    boolean isOwn(Path segment) {
        return segment.getFileName().toString().startsWith(instance + "-");
    }

    private List<Path> list(String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Collections.emptyList();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + suffix)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    found.add(entry);
                }
            }
        }
        return found;
    }

    /** The lock, or null when another process, or another channel of this JVM, holds one. */
    static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Creates the directory (and its parents) readable by this user only, where the file system allows. */
    static void createOwnerOnly(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (POSIX) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
    }

    /** A new file for writing, readable by this user only where the file system allows; fails if it exists. */
    static FileChannel createFile(Path file) throws IOException {
        Set<StandardOpenOption> options = new HashSet<>(Arrays.asList(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        FileAttribute<?>[] attributes = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        return FileChannel.open(file, options, attributes);
    }

    static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Six digits at least, so a JVM's segments sort in the order written. */
    static String padded(int seq) {
        String digits = Integer.toString(seq);
        return digits.length() >= 6 ? digits : "000000".substring(digits.length()) + digits;
    }
}
