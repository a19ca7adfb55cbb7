package dev.logredact.stdio;

import dev.logredact.stream.WritingThread;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue in front of the standard streams' masking: nothing lost, nothing reordered (within a
 * stream, across the two, across threads), no flush needed, and on the writer's thread when quiet or
 * once the exit drained it.
 */
class WriteBehindTest {
    /** A long quiet spell: a write right after another is surely queued, whatever the scheduling. */
    private static final long LONG_QUIET = TimeUnit.MILLISECONDS.toNanos(300);

    /** What reached the targets, in the order of the writes, each tagged with its target. */
    private final List<String> log = new ArrayList<>();
    /** The writing thread each write of the log was masked for. */
    private final List<String> writerNames = new ArrayList<>();
    private final Target out = new Target("out");
    private final Target err = new Target("err");

    private final class Target extends OutputStream {
        private final String name;
        volatile IOException failNext;
        volatile boolean closed;
        volatile long delayMillis;
        int writes;
        int flushes;
        /** While set and closed, a flush waits for it: a terminal that has stopped reading. */
        volatile CountDownLatch gate;

        Target(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) {
            throw new AssertionError("the queue writes arrays");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            IOException f = failNext;
            if (f != null) {
                failNext = null;
                throw f;
            }
            synchronized (log) {
                writes++;
                log.add(name + ":" + new String(b, off, len, StandardCharsets.UTF_8));
                writerNames.add(WritingThread.name());
                log.notifyAll();
            }
        }

        @Override
        public void flush() {
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sleep(delayMillis);
            synchronized (log) {
                flushes++;
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void write(OutputStream s, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.write(b, 0, b.length);
    }

    private String textOf(String name) {
        StringBuilder sb = new StringBuilder();
        synchronized (log) {
            for (String entry : log) {
                if (entry.startsWith(name + ":")) {
                    sb.append(entry.substring(name.length() + 1));
                }
            }
        }
        return sb.toString();
    }

    /** Everything that reached {@code name}, once it holds {@code expectedLength} characters (or after 10 s). */
    private String awaitText(String name, int expectedLength) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (log) {
            while (textOf(name).length() < expectedLength && System.nanoTime() < deadline) {
                log.wait(100);
            }
        }
        return textOf(name);
    }

    /** The log with the writes in a row to one target joined: what a reader of both descriptors sees. */
    private List<String> runs() {
        List<String> runs = new ArrayList<>();
        synchronized (log) {
            for (String entry : log) {
                int last = runs.size() - 1;
                if (last >= 0 && runs.get(last).startsWith(entry.substring(0, 4))) {
                    runs.set(last, runs.get(last) + entry.substring(4));
                } else {
                    runs.add(entry);
                }
            }
        }
        return runs;
    }

    @Test
    void aLoneWriteIsPassedOnAtOnceAndFlushed() throws Exception {
        WriteBehind queue = new WriteBehind();
        write(queue.channel(out), "Password: ");
        assertEquals("Password: ", textOf("out"));
        assertEquals(1, out.flushes);
    }

    @Test
    void aStreamOfWritesArrivesWithoutAFlushInFewerWritesAndFlushes() throws Exception {
        WriteBehind queue = new WriteBehind();
        OutputStream channel = queue.channel(out);
        StringBuilder expected = new StringBuilder();
        int lines = 2000;
        for (int n = 0; n < lines; n++) {
            String line = "line " + n + "\n";
            write(channel, line);
            expected.append(line);
        }
        assertEquals(expected.toString(), awaitText("out", expected.length()));
        synchronized (log) {
            assertTrue(out.writes < lines && out.flushes < lines,
                    "writes one after another are passed on together: " + out.writes + " writes, " + out.flushes + " flushes");
        }
    }

    @Test
    void theTwoStreamsKeepTheOrderOfTheWrites() throws Exception {
        WriteBehind queue = new WriteBehind(LONG_QUIET);
        OutputStream o = queue.channel(out);
        OutputStream e = queue.channel(err);
        write(o, "a1\n");
        write(o, "a2\n");
        write(e, "b1\n");
        write(o, "a3\n");
        write(e, "b2\n");
        queue.drain();
        assertEquals(List.of("out:a1\na2\n", "err:b1\n", "out:a3\n", "err:b2\n"), runs());
    }

    /** Masked on another thread, a write is still its writer's: redaction events name that thread. */
    @Test
    void eachWriteIsMaskedOnBehalfOfItsWriter() throws Exception {
        WriteBehind queue = new WriteBehind(LONG_QUIET);
        OutputStream o = queue.channel(out);
        write(o, "at once\n");
        for (String name : new String[] {"app-1", "app-2"}) {
            Thread t = new Thread(() -> {
                try {
                    write(o, "from " + Thread.currentThread().getName() + "\n");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, name);
            t.start();
            t.join();
        }
        queue.drain();
        assertEquals(List.of("out:at once\n", "out:from app-1\n", "out:from app-2\n"), log);
        String me = Thread.currentThread().getName();
        assertEquals(List.of(me, "app-1", "app-2"), writerNames);
    }

    @Test
    void afterTheDrainWritesArePassedOnAtOnce() throws Exception {
        WriteBehind queue = new WriteBehind(LONG_QUIET);
        OutputStream channel = queue.channel(out);
        write(channel, "first\n");
        write(channel, "queued\n");
        queue.drain();
        assertEquals("first\nqueued\n", textOf("out"));
        write(channel, "from a later shutdown hook\n");
        assertEquals("first\nqueued\nfrom a later shutdown hook\n", textOf("out"));
    }

    @Test
    void aLargeWriteGoesAfterWhatIsQueued() throws Exception {
        WriteBehind queue = new WriteBehind(LONG_QUIET);
        OutputStream channel = queue.channel(out);
        StringBuilder big = new StringBuilder();
        while (big.length() <= WriteBehind.CAPACITY) {
            big.append("0123456789abcdef");
        }
        write(channel, "first\n");
        write(channel, "queued\n");
        write(channel, big.toString());
        write(channel, "after\n");
        queue.drain();
        assertEquals("first\nqueued\n" + big + "after\n", textOf("out"));
    }

    @Test
    void aFailureOfTheMaskingThreadReachesTheNextWriter() throws Exception {
        WriteBehind queue = new WriteBehind(LONG_QUIET);
        OutputStream channel = queue.channel(out);
        write(channel, "first, at once\n");
        out.failNext = new IOException("Broken pipe");
        write(channel, "lost to the pipe\n");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        IOException thrown = null;
        while (thrown == null && System.nanoTime() < deadline) {
            try {
                channel.flush();
                Thread.sleep(5);
            } catch (IOException e) {
                thrown = e;
            }
        }
        assertEquals("Broken pipe", thrown == null ? null : thrown.getMessage());
        queue.drain();
        write(channel, "next\n");
        assertEquals("first, at once\nnext\n", textOf("out"));
    }

    @Test
    void aFailureOnTheWritersOwnThreadIsThrownToIt() throws Exception {
        WriteBehind queue = new WriteBehind();
        OutputStream channel = queue.channel(out);
        out.failNext = new IOException("No space left on device");
        assertThrows(IOException.class, () -> write(channel, "x\n"));
    }

    @Test
    void closingPassesOnWhatIsQueuedThenClosesTheTarget() throws Exception {
        WriteBehind queue = new WriteBehind(LONG_QUIET);
        OutputStream o = queue.channel(out);
        write(o, "first\n");
        write(o, "last words\n");
        o.close();
        assertEquals("first\nlast words\n", textOf("out"));
        assertTrue(out.closed);
    }

    /** An interrupted writer waiting for room still writes, without spinning, and keeps its interrupt. */
    @Test
    void anInterruptedWriterWaitingForRoomWritesAndKeepsItsInterrupt() throws Exception {
        out.delayMillis = 200;
        WriteBehind queue = new WriteBehind(LONG_QUIET);
        OutputStream channel = queue.channel(out);
        write(channel, "first\n");
        byte[] chunk = new byte[WriteBehind.CAPACITY / 4];
        Arrays.fill(chunk, (byte) 'x');
        boolean[] keptInterrupt = new boolean[1];
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 6; i++) {
                    channel.write(chunk, 0, chunk.length);
                    if (i == 2) {
                        Thread.currentThread().interrupt();
                    }
                }
                keptInterrupt[0] = Thread.currentThread().isInterrupted();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        writer.join();
        queue.drain();
        assertTrue(keptInterrupt[0]);
        assertEquals("first\n".length() + 6 * chunk.length, textOf("out").length());
    }

    /**
     * A write that comes while another is being written on its own thread is queued, even after a quiet
     * spell: were it written on its own thread too, it would wait for the first, and so would every
     * write after it, one at a time (a CI run once took 100 s for the test below).
     */
    @Test
    void aWriteDuringAnotherWritersOwnWriteIsQueuedNotMadeToWait() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        out.gate = gate;
        WriteBehind queue = new WriteBehind();
        OutputStream channel = queue.channel(out);
        Thread first = writing(channel, "first\n");
        synchronized (log) {
            while (out.writes == 0) {
                log.wait();
            }
        }
        // Longer than the quiet spell, and the first write is still in its flush.
        Thread.sleep(20);
        Thread second = writing(channel, "second\n");
        second.join(5_000);
        boolean waited = second.isAlive();
        gate.countDown();
        first.join();
        second.join();
        assertFalse(waited, "the second write waited for the first one's flush");
        assertEquals("first\nsecond\n", awaitText("out", "first\nsecond\n".length()));
    }

    /** A thread started to write {@code text} to {@code channel}. */
    private static Thread writing(OutputStream channel, String text) {
        Thread thread = new Thread(() -> {
            try {
                write(channel, text);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        return thread;
    }

    /** A slow target fills the queue: writers wait for room, and still nothing is lost or reordered. */
    @Test
    void concurrentWritersLoseNothingAndNeverSplitAWriteEvenWhenTheQueueIsFull() throws Exception {
        out.delayMillis = 5;
        WriteBehind queue = new WriteBehind();
        OutputStream channel = queue.channel(out);
        int threads = 4;
        int lines = 20_000;
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                try {
                    for (int n = 0; n < lines; n++) {
                        write(channel, "thread " + id + " line " + n + " padding the queue to fill it up sooner\n");
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        queue.drain();
        assertEquals(List.of(), failures);
        String[] got = textOf("out").split("\n");
        assertEquals(threads * lines, got.length);
        int[] next = new int[threads];
        for (String line : got) {
            int id = Integer.parseInt(line.split(" ")[1]);
            assertEquals("thread " + id + " line " + next[id] + " padding the queue to fill it up sooner", line);
            next[id]++;
        }
    }
}
