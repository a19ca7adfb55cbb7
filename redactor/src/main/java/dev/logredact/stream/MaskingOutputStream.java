package dev.logredact.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An output stream that masks secrets before they reach the stream it wraps. Thread-safe: concurrent
 * writes are serialised, so the bytes of one write are never interleaved with another's. Bytes are held
 * only while they may still be part of a secret or of an unfinished line; an unfinished line is
 * released after an idle pause and on close.
 *
 * <p>An internal error never breaks the application's output: the affected bytes are withheld and
 * replaced by a marker (or, when configured, passed on unmasked), the error is counted, and masking
 * goes on with the next write.
 */
public final class MaskingOutputStream extends OutputStream {
    /** What replaces held text when masking failed and the policy is to withhold it. */
    public static final String WITHHELD = "[logredact: output withheld after an internal error]";
    private static final AtomicLong ERRORS = new AtomicLong();

    private final OutputStream target;
    private final Supplier supplier;
    private final WriteBacklog backlog;
    /** Set once the backlog holds some of this stream's bytes: only then must a drain wait for the replay. */
    private volatile boolean backlogged;
    private StreamMasker masker;
    private final long idleNanos;
    private final boolean withholdOnError;
    private final Object lock = new Object();
    private long lastWrite;
    /** Registered with the idle release thread; kept so a stream is registered once, not per write. */
    private boolean watched;
    private boolean closed;

    /**
     * @param idleMillis how long an unfinished line may wait before it is released
     * @param withholdOnError on an internal error, replace the affected text by a marker (true) or pass
     *     it on unmasked (false)
     */
    public MaskingOutputStream(OutputStream target, StreamMasker masker, long idleMillis, boolean withholdOnError) {
        this(target, () -> masker, null, idleMillis, withholdOnError);
    }

    /**
     * With a masker made on first use: an agent wraps {@code System.out} at start-up but builds its
     * engine on another thread. Until {@code backlog} is replayed, writes are held there and need no
     * masker; without a backlog, the first write waits for the masker.
     */
    public MaskingOutputStream(OutputStream target, Supplier masker, WriteBacklog backlog, long idleMillis,
                               boolean withholdOnError) {
        this.target = target;
        this.supplier = masker;
        this.backlog = backlog;
        this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
        this.withholdOnError = withholdOnError;
    }

    /** Makes the stream's masker when it is first needed. */
    public interface Supplier {
        StreamMasker get();
    }

    /** Internal errors survived by all masking streams of this JVM, for the exit summary. */
    public static long errors() {
        return ERRORS.get();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if ((off | len | (b.length - (off + len))) < 0) {
            throw new IndexOutOfBoundsException();
        }
        if (backlog != null && !backlog.replayed()) {
            WriteBacklog.Offer offer;
            synchronized (lock) {
                offer = backlog.offer(this, b, off, len);
                if (offer == WriteBacklog.Offer.HELD) {
                    backlogged = true;
                    return;
                }
            }
            if (offer == WriteBacklog.Offer.FULL) {
                backlog.awaitReplay(null);
            }
        }
        synchronized (lock) {
            try {
                masker().write(b, off, len);
            } catch (IOException e) {
                throw e;
            } catch (Throwable t) {
                recover(t);
            }
            lastWrite = System.nanoTime();
            watchIfHeld();
        }
    }

    /** Bytes written while the backlog held them, now in their turn. */
    void replay(byte[] bytes) {
        synchronized (lock) {
            try {
                try {
                    masker().write(bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw e;
                } catch (Throwable t) {
                    recover(t);
                }
            } catch (IOException e) {
                // The writer was told its write succeeded; the stream's next write meets the same failure.
            }
            lastWrite = System.nanoTime();
            watchIfHeld();
        }
    }

    /**
     * Bytes the backlog held, written as they are: the backlog found that no masker would change them
     * ({@link WriteBacklog#releaseUnmasked}), and flushed, as the replay would.
     */
    void passUnmasked(byte[] bytes) {
        synchronized (lock) {
            try {
                target.write(bytes);
                target.flush();
            } catch (IOException | RuntimeException e) {
                // The writer was told its write succeeded; the stream's next write meets the same failure.
                // Not thrown on: the other streams' released bytes must still be written.
            }
        }
    }

    /** A flush whose failure the next write meets: for the replay, whose writers were told they succeeded. */
    void flushQuietly() {
        try {
            flush();
        } catch (IOException e) {
            // The stream's next write meets the same failure.
        }
    }

    private void watchIfHeld() {
        if (!watched && masker != null && masker.held() > 0) {
            watched = true;
            IdleRelease.watch(this);
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            if (masker == null) {
                target.flush();
                return;
            }
            try {
                masker.flush();
            } catch (IOException e) {
                throw e;
            } catch (Throwable t) {
                recover(t);
                target.flush();
            }
        }
    }

    /** Releases everything held, then closes the wrapped stream. */
    @Override
    public void close() throws IOException {
        awaitBacklog();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            releaseHeld();
            watched = false;
            IdleRelease.forget(this);
            target.close();
        }
    }

    /** Writes out everything held without closing: what the JVM's exit does. */
    public void drain() throws IOException {
        awaitBacklog();
        synchronized (lock) {
            releaseHeld();
        }
    }

    /**
     * With the lock held, after the backlog was waited for (never waited for here: the replay, and the
     * backlog's release, need this lock).
     */
    private void releaseHeld() throws IOException {
        if (masker == null) {
            // Never written to, so nothing is held: no reason to wait for an engine.
            target.flush();
            return;
        }
        try {
            masker.releaseAll(true);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            recover(t);
            target.flush();
        }
    }

    void releaseIfIdle(long now) {
        synchronized (lock) {
            if (masker == null || masker.held() == 0) {
                watched = false;
                IdleRelease.forget(this);
                return;
            }
            if (now - lastWrite < idleNanos) {
                return;
            }
            try {
                masker.releaseAll(false);
                if (masker.held() == 0) {
                    watched = false;
                    IdleRelease.forget(this);
                }
            } catch (Throwable t) {
                // The idle thread must outlive any one stream's failure; the next write retries.
                watched = false;
                IdleRelease.forget(this);
            }
        }
    }

    /**
     * Waits for the replay if this stream has bytes in the backlog. Read under the stream's lock: a
     * writer whose bytes were just held sets the flag inside the same lock, so none is missed. Not
     * waited for with the lock held, which the replay needs.
     */
    private void awaitBacklog() {
        boolean wait;
        synchronized (lock) {
            wait = backlogged;
        }
        if (wait) {
            backlog.awaitReplay(this);
        }
    }

    private StreamMasker masker() {
        if (masker == null) {
            masker = supplier.get();
        }
        return masker;
    }

    private void recover(Throwable error) throws IOException {
        ERRORS.incrementAndGet();
        byte[] held = masker == null ? new byte[0] : masker.abandon();
        if (withholdOnError) {
            target.write((WITHHELD + System.lineSeparator()).getBytes(StandardCharsets.US_ASCII));
        } else {
            target.write(held);
        }
    }
}
