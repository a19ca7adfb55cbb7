package dev.logredact.stream;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes to several masking streams, held in the order they were written until the streams' maskers
 * can be made, then replayed through them. An agent starts with its engine still loading: holding lets
 * the application write at once instead of waiting for it, and one order across streams keeps standard
 * output and error interleaved as written when they share a terminal or log.
 *
 * <p>Nothing held is ever written unmasked: a stream that drains or closes waits for the replay, and so
 * does a writer once {@code limit} bytes are held.
 */
public final class WriteBacklog {
    private static final class Entry {
        final MaskingOutputStream stream;
        final byte[] bytes;
        /** Named in the events of what the replay masks, as if the writer had masked it itself. */
        final String writer;

        Entry(MaskingOutputStream stream, byte[] bytes, String writer) {
            this.stream = stream;
            this.bytes = bytes;
            this.writer = writer;
        }
    }

    enum Offer { HELD, FULL, REPLAYED }

    /** How long a writer or a drain waits for the replay at most. */
    static final long MAX_WAIT_MILLIS = 60_000;

    private final int limit;
    private final Runnable firstOffer;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private int held;
    /** Volatile so that, once replayed, writers pass without taking this backlog's lock. */
    private volatile boolean replayed;
    private boolean offered;
    /** Set when the replay takes its first entry: from then on only it writes what was held. */
    private boolean replayStarted;
    /** While {@link #releaseUnmasked} writes what it took: the replay waits for it, to keep the order. */
    private boolean releasing;
    /** False once the JVM exits: a write then waits for its masker instead of being held. */
    private boolean holding = true;
    /** The thread that makes the maskers and then replays; null until it is known. */
    private Thread replayer;

    /** @param limit bytes held before writers wait for the replay */
    public WriteBacklog(int limit) {
        this(limit, null);
    }

    /**
     * @param firstOffer run once, on the first write offered (with this backlog's lock held, so it must
     *     not wait): what starts making the maskers that the replay needs, or null
     */
    public WriteBacklog(int limit, Runnable firstOffer) {
        this.limit = limit;
        this.firstOffer = firstOffer;
    }

    /** True once everything held was replayed: from then on writes need not be offered. */
    boolean replayed() {
        return replayed;
    }

    /**
     * Names the thread that will call {@link #replay}: what it writes before then is always held, since
     * waiting for the replay would be waiting for itself (a warning printed while the engine is built,
     * by the JDK or a library, through the masked standard error).
     */
    public synchronized void replayedBy(Thread thread) {
        replayer = thread;
    }

    /** Called with the stream's lock held, so the stream's own writes stay in order. */
    synchronized Offer offer(MaskingOutputStream stream, byte[] b, int off, int len) {
        if (replayed) {
            return Offer.REPLAYED;
        }
        if (!offered) {
            offered = true;
            if (firstOffer != null) {
                firstOffer.run();
            }
        }
        if ((!holding || held + len > limit) && Thread.currentThread() != replayer) {
            return Offer.FULL;
        }
        byte[] copy = new byte[len];
        System.arraycopy(b, off, copy, 0, len);
        entries.add(new Entry(stream, copy, Thread.currentThread().getName()));
        held += len;
        return Offer.HELD;
    }

    /**
     * From now on a write is not held but waits for the replay and is then written by its writer: at
     * JVM exit, after the agent's exit hook has drained the streams, a held write would never be
     * written (the replaying thread is a daemon), while a writer that waits (another shutdown hook,
     * say) keeps the JVM alive until its write is out.
     */
    public synchronized void stopHolding() {
        holding = false;
    }

    /**
     * Writes out everything held through its stream, in order, then lets writes through; for the one
     * that made the maskers available, once. Writes that arrive meanwhile are held and replayed too.
     */
    public void replay() {
        // Flushed once at the end, as a writer's own write would have been: a stream that buffers its
        // writes until a flush must not keep them.
        Set<MaskingOutputStream> written = new LinkedHashSet<>();
        try {
            while (true) {
                Entry e;
                synchronized (this) {
                    waitWhileReleasing();
                    e = entries.poll();
                    if (e == null) {
                        // Under the same lock as the check: no write can slip in between and be lost.
                        replayed = true;
                        break;
                    }
                    held -= e.bytes.length;
                    replayStarted = true;
                }
                written.add(e.stream);
                // Without this lock: the stream's lock is taken first by writers, and they hold it when offering.
                WritingThread.onBehalfOf(e.writer);
                try {
                    e.stream.replay(e.bytes);
                } finally {
                    WritingThread.onBehalfOf(null);
                }
            }
        } finally {
            // Also after a failure: whatever could not be replayed is dropped, never written unmasked.
            synchronized (this) {
                replayed = true;
                entries.clear();
                notifyAll();
            }
        }
        for (MaskingOutputStream stream : written) {
            stream.flushQuietly();
        }
    }

    /** Decides, without a masker, that bytes need no masking. */
    public interface Clearance {
        /**
         * True only if every masker would write {@code b[off, off + len)}, all one stream holds, exactly
         * as it is. Called with the backlog's lock held.
         */
        boolean clear(byte[] b, int off, int len);
    }

    /**
     * Writes out what is held as it is, if {@code clearance} finds each stream's held bytes need no
     * masking, and each ends a line, and the replay has not begun: a JVM that exits before its engine is
     * built need not wait for it to write lines that hold nothing it could mask. Returns whether it did.
     * Writes that come meanwhile are held for the replay, as before; the replay waits for this to end.
     *
     * <p>Whole lines only: a masker made later for the same stream starts on a new line, as this one
     * would have (a rule sees one line; a keyword or secret split over the end of a released line
     * would be lost to it).
     */
    public boolean releaseUnmasked(Clearance clearance) {
        List<Entry> taken;
        synchronized (this) {
            if (replayed || replayStarted || releasing) {
                return false;
            }
            // Per stream: a keyword split over two writes of one stream must be seen whole.
            Map<MaskingOutputStream, ByteArrayOutputStream> byStream = new LinkedHashMap<>();
            for (Entry e : entries) {
                ByteArrayOutputStream bytes = byStream.get(e.stream);
                if (bytes == null) {
                    bytes = new ByteArrayOutputStream();
                    byStream.put(e.stream, bytes);
                }
                bytes.write(e.bytes, 0, e.bytes.length);
            }
            for (ByteArrayOutputStream bytes : byStream.values()) {
                byte[] b = bytes.toByteArray();
                if (b.length == 0 || b[b.length - 1] != '\n' || !clearance.clear(b, 0, b.length)) {
                    return false;
                }
            }
            taken = new ArrayList<>(entries);
            entries.clear();
            held = 0;
            releasing = true;
        }
        try {
            // Without this lock, as the replay writes: a stream's target may be the application's own
            // stream, which may write back into a masking stream, whose writers take its lock, then this one.
            for (Entry e : taken) {
                e.stream.passUnmasked(e.bytes);
            }
        } finally {
            synchronized (this) {
                releasing = false;
                notifyAll();
            }
        }
        return true;
    }

    private void waitWhileReleasing() {
        boolean interrupted = false;
        while (releasing) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns once the replay is over, or after {@link #MAX_WAIT_MILLIS} if it never comes (an engine that
     * hangs must not hang the build: the caller then meets the same failure and withholds, never writes
     * unmasked). With a {@code stream}, returns as soon as nothing of that stream is held or being
     * written out any more: after {@link #releaseUnmasked}, a stream with nothing left need not wait for
     * the engine. Never called with a stream's lock held, which the replay needs.
     */
    void awaitReplay(MaskingOutputStream stream) {
        boolean interrupted = false;
        long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
        synchronized (this) {
            for (long left = MAX_WAIT_MILLIS; mustWait(stream) && left > 0; left = deadline - System.currentTimeMillis()) {
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called with this backlog's lock held. */
    private boolean mustWait(MaskingOutputStream stream) {
        if (replayed) {
            return false;
        }
        if (stream == null || replayStarted || releasing) {
            return true;
        }
        for (Entry e : entries) {
            if (e.stream == stream) {
                return true;
            }
        }
        return false;
    }
}
