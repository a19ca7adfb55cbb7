package dev.logredact.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines that could not be written to the spool, kept in memory, within a bound, so they can still be sent;
 * whatever is here when the JVM stops is lost.
 */
final class MemoryBacklog {
    private final long maxChars;
    private final ArrayDeque<OtlpLine> lines = new ArrayDeque<>();
    private long chars;
    /** Records not yet resolved, including those taken and being sent. */
    private long pendingRecords;

    MemoryBacklog(long maxChars) {
        this.maxChars = maxChars;
    }

    /** False when it is full. */
    synchronized boolean offer(OtlpLine line) {
        if (chars + line.text.length() > maxChars) {
            return false;
        }
        lines.addLast(line);
        chars += line.text.length();
        pendingRecords += line.records;
        return true;
    }

    /** Everything, to send; what is not resolved comes back through {@link #putBack}. */
    synchronized List<OtlpLine> takeAll() {
        List<OtlpLine> taken = new ArrayList<>(lines);
        lines.clear();
        chars = 0;
        return taken;
    }

    synchronized void putBack(List<OtlpLine> unsent) {
        for (int i = unsent.size() - 1; i >= 0; i--) {
            lines.addFirst(unsent.get(i));
            chars += unsent.get(i).text.length();
        }
    }

    synchronized void resolved(int records) {
        pendingRecords -= records;
    }

    synchronized long pendingRecords() {
        return pendingRecords;
    }
}
