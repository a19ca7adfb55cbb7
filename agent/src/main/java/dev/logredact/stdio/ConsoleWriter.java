package dev.logredact.stdio;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where the masked output of the JVM's own standard output and error goes: to their file descriptors
 * within about a millisecond, many lines per system call, in the order the two streams released it. A
 * write after a millisecond's quiet goes out at once; only writes that follow each other closely wait
 * for the next one.
 *
 * <p>Why: {@code System.out} flushes after every line, so without the agent a program that prints a
 * lot makes one {@code write(2)} per line, a large share of its time (about half of it for a program
 * printing 400,000 log lines, see benchmarks/README.md). The agent masks on the writing thread; writing
 * what it released a millisecond later, in one call for all the lines of that millisecond, pays back
 * most of what masking costs. Flushes from the application therefore do not reach the descriptor at
 * once; the JVM's exit does ({@link #drain}), and from then on bytes are written as they come.
 *
 * <p>What this gives up: output printed in the last millisecond before the JVM is killed without its
 * shutdown hooks (kill -9, {@code Runtime.halt}, a crash) is lost; and a line may reach the descriptor
 * up to a millisecond after text that bypasses {@code System.out} (the JVM's own logging, a child
 * process sharing the descriptor).
 */
final class ConsoleWriter {
    /** A write that does not fit is written at once, so a burst never waits for the linger. */
    static final int CAPACITY = 64 * 1024;
    static final long LINGER_NANOS = 1_000_000L;

    private final Object lock = new Object();
    /**
     * Taken, in order after {@link #lock}, by every write to a descriptor: the flusher writes outside
     * {@code lock} so that writers go on filling the other buffer, and a writer's own write must still
     * come after the flusher's.
     */
    private final ReentrantLock writing = new ReentrantLock();
    /** Allocated with the first byte: a JVM that never prints pays nothing. */
    private byte[] buffer;
    /** The buffer the flusher is not writing from; null while it is. */
    private byte[] spare;
    private int length;
    /** The descriptor whose bytes the buffer holds: a write for the other one writes these out first. */
    private OutputStream holder;
    /**
     * A failed write of the flusher's, thrown to the next writer, as a direct write would have been.
     * Volatile so that a flush, called after every line, reads it without the lock.
     */
    private volatile IOException failure;
    private boolean flusherStarted;
    private boolean flusherWaiting;
    /** After the exit's drain, or if the flusher died: every write goes out at once. */
    private boolean direct;
    /** When bytes last went to a descriptor ({@link System#nanoTime}). */
    private long lastOut;

    private final long lingerNanos;

    ConsoleWriter() {
        this(LINGER_NANOS);
    }

    /** With a linger of its own, for tests that must not depend on a millisecond's scheduling. */
    ConsoleWriter(long lingerNanos) {
        this.lingerNanos = lingerNanos;
        this.lastOut = System.nanoTime() - lingerNanos;
    }

    /** The stream through which one descriptor's masked output enters this writer. */
    OutputStream channel(OutputStream descriptor) {
        return new Channel(this, descriptor);
    }

    void write(OutputStream descriptor, byte[] b, int off, int len) throws IOException {
        synchronized (lock) {
            throwFailure();
            if (holder != descriptor || direct || length + len > CAPACITY) {
                writeOut();
            }
            // A write after a quiet spell goes out at once, with no thread started: a prompt, or the
            // one line of a short JVM, is not held; only a stream of writes is gathered.
            if (direct || len > CAPACITY || length == 0 && System.nanoTime() - lastOut >= lingerNanos) {
                writeNow(descriptor, b, off, len);
                return;
            }
            if (buffer == null) {
                buffer = new byte[CAPACITY];
                spare = new byte[CAPACITY];
            }
            System.arraycopy(b, off, buffer, length, len);
            length += len;
            holder = descriptor;
            wakeFlusher();
        }
    }

    /**
     * Writes out everything held, and from now on writes at once: the JVM is exiting, and output from
     * the shutdown hooks that run after this must not wait for a thread the exit will stop.
     */
    void drain() throws IOException {
        synchronized (lock) {
            direct = true;
            writeOut();
        }
    }

    /** A failure the flusher met, for the writer that comes next; called with the lock held. */
    private void throwFailure() throws IOException {
        IOException f = failure;
        if (f != null) {
            failure = null;
            throw f;
        }
    }

    /** Writes the buffer on the calling thread; called with the lock held. */
    private void writeOut() throws IOException {
        if (length == 0) {
            return;
        }
        int n = length;
        length = 0;
        writeNow(holder, buffer, 0, n);
    }

    /** Called with the lock held; after any write the flusher has under way. */
    private void writeNow(OutputStream descriptor, byte[] b, int off, int len) throws IOException {
        lastOut = System.nanoTime();
        writing.lock();
        try {
            descriptor.write(b, off, len);
        } finally {
            writing.unlock();
        }
    }

    /** Called with the lock held. */
    private void wakeFlusher() {
        if (!flusherStarted) {
            flusherStarted = true;
            Thread t = new Thread(new Flusher(this), "logredact-console");
            t.setDaemon(true);
            t.start();
        } else if (flusherWaiting) {
            flusherWaiting = false;
            lock.notify();
        }
    }

    /**
     * The flusher's loop: wait for bytes, let more come for a moment, then write them all in one call
     * from a buffer of its own while writers fill the other.
     */
    private void flushLoop() throws InterruptedException {
        while (true) {
            synchronized (lock) {
                while (length == 0) {
                    flusherWaiting = true;
                    lock.wait();
                }
            }
            LockSupport.parkNanos(lingerNanos);
            byte[] taken;
            int n;
            OutputStream to;
            synchronized (lock) {
                if (length == 0) {
                    continue;
                }
                taken = buffer;
                n = length;
                to = holder;
                buffer = spare;
                spare = null;
                length = 0;
                lastOut = System.nanoTime();
                // Before the lock is let go: no writer's own write may overtake these bytes.
                writing.lock();
            }
            IOException failed = null;
            try {
                to.write(taken, 0, n);
            } catch (IOException e) {
                failed = e;
            } finally {
                writing.unlock();
            }
            synchronized (lock) {
                spare = taken;
                if (failed != null) {
                    failure = failed;
                }
            }
        }
    }

    /** Bytes must never wait for a flusher that is gone: what is held goes out, and later writes at once. */
    private void flusherDied() {
        synchronized (lock) {
            direct = true;
            try {
                writeOut();
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    /** A class, not a lambda: each lambda costs an agent's start-up a generated class. */
    private static final class Flusher implements Runnable {
        private final ConsoleWriter console;

        Flusher(ConsoleWriter console) {
            this.console = console;
        }

        @Override
        public void run() {
            try {
                console.flushLoop();
            } catch (Throwable t) {
                console.flusherDied();
            }
        }
    }

    /** One descriptor's way in. A flush is left to the flusher, which comes within the linger. */
    private static final class Channel extends OutputStream {
        private final ConsoleWriter console;
        private final OutputStream descriptor;

        Channel(ConsoleWriter console, OutputStream descriptor) {
            this.console = console;
            this.descriptor = descriptor;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            console.write(descriptor, b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (console.failure != null) {
                synchronized (console.lock) {
                    console.throwFailure();
                }
            }
        }

        /** Closing standard output closes the descriptor, as it does without the agent; what is held goes first. */
        @Override
        public void close() throws IOException {
            synchronized (console.lock) {
                console.writeOut();
                descriptor.close();
            }
        }
    }
}
