package dev.logredact.export;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** A sealed segment this JVM holds the lock of while it sends it: no other JVM sends it meanwhile. */
final class ClaimedSegment implements Closeable {
    final Path path;
    private final FileChannel channel;

    private ClaimedSegment(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** The segment locked, or null when another JVM holds it or has shipped it already. */
    static ClaimedSegment claim(Path path) throws IOException {
        FileChannel channel;
        try {
            // Write access only because an exclusive lock needs it.
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            FileLock lock = SpoolDirectory.tryLock(channel);
            // Gone once locked: the JVM that held it shipped it (files are deleted, never replaced).
            if (lock != null && Files.exists(path)) {
                return new ClaimedSegment(path, channel);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return null;
    }

    /** Its whole lines; a last line without a line break was torn by a JVM that died writing it. */
    Contents read() throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException(path + " is too large to be a spool segment (" + size + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        int read;
        do {
            read = channel.read(buffer, buffer.position());
        } while (read >= 0 && buffer.hasRemaining());
        byte[] bytes = buffer.array();
        int length = buffer.position();
        Contents contents = new Contents();
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                String text = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                start = i + 1;
                if (text.trim().isEmpty()) {
                    continue;
                }
                OtlpLine line = OtlpLine.parse(text);
                if (line != null) {
                    contents.lines.add(line);
                } else {
                    contents.malformed.add(text);
                }
            }
        }
        contents.torn = start < length;
        return contents;
    }

    void delete() throws IOException {
        Files.deleteIfExists(path);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** What a segment holds. */
    static final class Contents {
        final List<OtlpLine> lines = new ArrayList<>();
        /** Whole lines that are not OTLP lines of the expected shape. */
        final List<String> malformed = new ArrayList<>();
        boolean torn;

        /** Whether the file holds exactly {@link #lines}. */
        boolean clean() {
            return malformed.isEmpty() && !torn;
        }
    }
}
