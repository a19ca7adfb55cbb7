package dev.logredact.stdio;

import dev.logredact.stream.WritingThread;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Takes what the application writes to standard output and error and masks it on a thread of its own,
 * so that masking costs the writing threads a copy, not a scan: they hold {@code System.out}'s lock
 * while they write, and a build's threads print through that one lock. A write after a millisecond's
 * quiet, and every write once the exit has begun ({@link #drain}), is masked on the writing thread at
 * once, with no thread started: a short JVM, or a prompt, is not held.
 *
 * <p>Order: the bytes of both streams pass one queue, and reach their masking streams in the order
 * they were written; a write masked on its own thread first masks everything queued before it.
 *
 * <p>What this gives up: what a JVM killed without its shutdown hooks (kill -9, {@code Runtime.halt}, a
 * crash) wrote in its last moments, still queued, is lost; never written unmasked.
 */
final class WriteBehind {
    /** Queued bytes at most; a writer then waits for the masking thread. */
    static final int CAPACITY = 256 * 1024;
    static final long QUIET_NANOS = 1_000_000L;
    /** A write's header in the queue: which stream, then its length. */
    private static final int HEADER = 5;

    private final Object lock = new Object();
    /** Held while queued bytes go into the masking streams, so they go in the order they came. */
    private final ReentrantLock turn = new ReentrantLock();
    private final List<OutputStream> targets = new ArrayList<>();
    private final long quietNanos;
    /** Allocated with the first queued byte: a JVM that prints little pays nothing. */
    private byte[] queue;
    /** The other queue, which the masking thread takes its bytes from; null while it does. */
    private byte[] spare;
    private int length;
    /** Where the last write's header is, so that a write to the same stream extends it. */
    private int lastHeader = -1;
    /**
     * The name of the thread that wrote each write of the queue, in order: a redaction event names the
     * writer, not the masking thread ({@link WritingThread}). A write extends the last only when both
     * came from one thread.
     */
    private List<String> writers = new ArrayList<>();
    private List<String> spareWriters = new ArrayList<>();
    private long lastActive;
    /** Writers between deciding to write on their own thread and having written: while any is, it is not quiet. */
    private int directWriters;
    /** A failed write of the masking thread's, thrown to the next writer, as a direct write would have been. */
    private volatile IOException failure;
    private boolean threadStarted;
    private boolean threadWaiting;
    /** After the exit's drain, or if the masking thread died: every write is masked on its writer's thread. */
    private boolean direct;

    WriteBehind() {
        this(QUIET_NANOS);
    }

    /** With a quiet spell of its own, for tests that must not depend on a millisecond's scheduling. */
    WriteBehind(long quietNanos) {
        this.quietNanos = quietNanos;
        this.lastActive = System.nanoTime() - quietNanos;
    }

    /** The stream whose writes reach {@code target} through this queue; at most 127 of them. */
    OutputStream channel(OutputStream target) {
        synchronized (lock) {
            if (targets.size() == Byte.MAX_VALUE) {
                throw new IllegalStateException("too many streams behind one queue");
            }
            targets.add(target);
            return new Channel(this, targets.size() - 1);
        }
    }

    void write(int target, byte[] b, int off, int len) throws IOException {
        synchronized (lock) {
            throwFailure();
            long now = System.nanoTime();
            // Quiet means nothing queued and no write under way on its own thread: a writer that came
            // while another's direct write was still going (its flush waiting on a slow terminal) would
            // otherwise find a quiet spell, go direct too and wait for the turn; so would the next, and
            // every write would then be written, and flushed, one at a time.
            boolean queued = !direct && len <= CAPACITY / 4
                    && !(length == 0 && directWriters == 0 && now - lastActive >= quietNanos);
            lastActive = now;
            if (queued) {
                // A writer waiting for room is never interrupted out of its write; it keeps the interrupt.
                boolean interrupted = false;
                while (!direct && length + HEADER + len > CAPACITY) {
                    wakeThread();
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                if (!direct) {
                    append(target, b, off, len);
                    wakeThread();
                    return;
                }
            }
            directWriters++;
        }
        turn.lock();
        try {
            // Everything queued before this write goes first.
            maskQueued();
            OutputStream t = target(target);
            t.write(b, off, len);
            t.flush();
        } finally {
            turn.unlock();
            synchronized (lock) {
                directWriters--;
                lastActive = System.nanoTime();
            }
        }
    }

    /**
     * Masks everything queued, and from now on every write on its own thread: the JVM is exiting, and
     * what the shutdown hooks that run after this write must not wait for a thread the exit will stop.
     */
    void drain() throws IOException {
        synchronized (lock) {
            direct = true;
            lock.notifyAll();
        }
        maskQueuedInTurn();
    }

    private void maskQueuedInTurn() throws IOException {
        turn.lock();
        try {
            maskQueued();
        } finally {
            turn.unlock();
        }
    }

    private OutputStream target(int id) {
        synchronized (lock) {
            return targets.get(id);
        }
    }

    /** Called with the lock held. */
    private void append(int target, byte[] b, int off, int len) {
        if (queue == null) {
            queue = new byte[CAPACITY];
            spare = new byte[CAPACITY];
        }
        String writer = Thread.currentThread().getName();
        if (lastHeader >= 0 && queue[lastHeader] == target && writers.get(writers.size() - 1) == writer) {
            putInt(queue, lastHeader + 1, getInt(queue, lastHeader + 1) + len);
        } else {
            writers.add(writer);
            lastHeader = length;
            queue[length] = (byte) target;
            putInt(queue, length + 1, len);
            length += HEADER;
        }
        System.arraycopy(b, off, queue, length, len);
        length += len;
    }

    /** Takes the queue and writes it into the masking streams, then flushes them; called with the turn held. */
    private void maskQueued() throws IOException {
        byte[] taken;
        int n;
        String[] lastWriterOf;
        // The streams as they are now, taken with the queue: not the lock again for every write in it.
        OutputStream[] to;
        List<String> takenWriters;
        synchronized (lock) {
            if (length == 0) {
                return;
            }
            to = targets.toArray(new OutputStream[0]);
            lastWriterOf = new String[to.length];
            taken = queue;
            n = length;
            takenWriters = writers;
            queue = spare;
            spare = null;
            writers = spareWriters;
            length = 0;
            lastHeader = -1;
            lock.notifyAll();
        }
        try {
            for (int at = 0, write = 0; at < n; write++) {
                int id = taken[at];
                int len = getInt(taken, at + 1);
                lastWriterOf[id] = takenWriters.get(write);
                WritingThread.onBehalfOf(lastWriterOf[id]);
                try {
                    to[id].write(taken, at + HEADER, len);
                } finally {
                    WritingThread.onBehalfOf(null);
                }
                at += HEADER + len;
            }
            for (int id = 0; id < lastWriterOf.length; id++) {
                if (lastWriterOf[id] != null) {
                    // What the flush lets out (a secret registered since) is the last writer's.
                    WritingThread.onBehalfOf(lastWriterOf[id]);
                    try {
                        to[id].flush();
                    } finally {
                        WritingThread.onBehalfOf(null);
                    }
                }
            }
        } finally {
            takenWriters.clear();
            synchronized (lock) {
                spare = taken;
                spareWriters = takenWriters;
            }
        }
    }

    /** Called with the lock held. */
    private void wakeThread() {
        if (!threadStarted) {
            threadStarted = true;
            Thread t = new Thread(new MaskingLoop(this), "logredact-mask");
            t.setDaemon(true);
            t.start();
        } else if (threadWaiting) {
            threadWaiting = false;
            lock.notifyAll();
        }
    }

    /** A failure the masking thread met, for the writer that comes next; called with the lock held. */
    private void throwFailure() throws IOException {
        IOException f = failure;
        if (f != null) {
            failure = null;
            throw f;
        }
    }

    /** The masking thread: wait for bytes, let a few more come if there are few, mask them all. */
    private void loop() throws InterruptedException {
        while (true) {
            boolean few;
            synchronized (lock) {
                while (length == 0) {
                    threadWaiting = true;
                    lock.wait();
                }
                threadWaiting = false;
                few = length < CAPACITY / 16;
            }
            if (few) {
                // More lines per masking call and per write(2).
                LockSupport.parkNanos(quietNanos);
            }
            try {
                maskQueuedInTurn();
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    /** Bytes must never wait for a thread that is gone: what is queued is masked, and later writes at once. */
    private void died() {
        try {
            drain();
        } catch (IOException e) {
            failure = e;
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    /** A class, not a lambda: each lambda costs an agent's start-up a generated class. */
    private static final class MaskingLoop implements Runnable {
        private final WriteBehind queue;

        MaskingLoop(WriteBehind queue) {
            this.queue = queue;
        }

        @Override
        public void run() {
            try {
                queue.loop();
            } catch (Throwable t) {
                queue.died();
            }
        }
    }

    /** One stream's way in. Its flush is the masking thread's to do, soon; the exit's drain does the rest. */
    private static final class Channel extends OutputStream {
        private final WriteBehind queue;
        private final int id;

        Channel(WriteBehind queue, int id) {
            this.queue = queue;
            this.id = id;
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
            queue.write(id, b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (queue.failure != null) {
                synchronized (queue.lock) {
                    queue.throwFailure();
                }
            }
        }

        /** What is queued goes first; then the stream closes, as it would without the agent. */
        @Override
        public void close() throws IOException {
            queue.turn.lock();
            try {
                queue.maskQueued();
                queue.target(id).close();
            } finally {
                queue.turn.unlock();
            }
        }
    }
}
