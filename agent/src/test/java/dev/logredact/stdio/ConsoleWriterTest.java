package dev.logredact.stdio;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The write-behind of standard output and error: nothing lost, nothing reordered (within a descriptor,
 * across the two, across threads), no flush needed, and synchronous once the exit drained it.
 */
class ConsoleWriterTest {
    /** What reached the "descriptors", in the order the writes happened, each write tagged with its descriptor. */
    private final List<String> log = new ArrayList<>();
    private final Descriptor out = new Descriptor("out");
    private final Descriptor err = new Descriptor("err");

    private final class Descriptor extends OutputStream {
        private final String name;
        volatile IOException failNext;
        volatile boolean closed;

        Descriptor(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) {
            throw new AssertionError("the console writes arrays");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            IOException f = failNext;
            if (f != null) {
                failNext = null;
                throw f;
            }
            synchronized (log) {
                log.add(name + ":" + new String(b, off, len, StandardCharsets.UTF_8));
                log.notifyAll();
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static void write(OutputStream s, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.write(b, 0, b.length);
    }

    /** Everything that reached {@code name}, once it holds {@code expectedLength} characters. */
    private String awaitText(String name, int expectedLength) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (log) {
            while (true) {
                String text = textOf(name);
                if (text.length() >= expectedLength || System.nanoTime() > deadline) {
                    return text;
                }
                log.wait(100);
            }
        }
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

    @Test
    void aLoneLineGoesOutAtOnce() throws Exception {
        ConsoleWriter console = new ConsoleWriter();
        write(console.channel(out), "Password: ");
        assertEquals("Password: ", textOf("out"));
    }

    @Test
    void aStreamOfLinesArrivesWithoutAFlushInFewerWrites() throws Exception {
        ConsoleWriter console = new ConsoleWriter();
        OutputStream channel = console.channel(out);
        StringBuilder expected = new StringBuilder();
        int lines = 2000;
        for (int n = 0; n < lines; n++) {
            String line = "line " + n + "\n";
            write(channel, line);
            expected.append(line);
        }
        assertEquals(expected.toString(), awaitText("out", expected.length()));
        synchronized (log) {
            assertTrue(log.size() < lines, "lines written one after another go out together: " + log.size() + " writes");
        }
    }

    @Test
    void theTwoDescriptorsKeepTheOrderOfTheWrites() throws Exception {
        ConsoleWriter console = new ConsoleWriter();
        OutputStream o = console.channel(out);
        OutputStream e = console.channel(err);
        write(o, "a1\n");
        write(o, "a2\n");
        write(e, "b1\n");
        write(o, "a3\n");
        write(e, "b2\n");
        console.drain();
        assertEquals(List.of("out:a1\na2\n", "err:b1\n", "out:a3\n", "err:b2\n"), runs());
    }

    /** The log with the writes in a row to one descriptor joined: what a reader of both descriptors sees. */
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
    void afterTheDrainWritesGoOutAtOnce() throws Exception {
        ConsoleWriter console = new ConsoleWriter();
        OutputStream channel = console.channel(out);
        write(channel, "held\n");
        console.drain();
        assertEquals("held\n", textOf("out"));
        write(channel, "from a later shutdown hook\n");
        assertEquals("held\nfrom a later shutdown hook\n", textOf("out"));
    }

    @Test
    void aWriteLargerThanTheBufferKeepsItsPlace() throws Exception {
        ConsoleWriter console = new ConsoleWriter();
        OutputStream channel = console.channel(out);
        StringBuilder big = new StringBuilder();
        while (big.length() <= ConsoleWriter.CAPACITY) {
            big.append("0123456789abcdef");
        }
        write(channel, "before\n");
        write(channel, big.toString());
        write(channel, "after\n");
        console.drain();
        assertEquals("before\n" + big + "after\n", textOf("out"));
    }

    @Test
    void aFailedWriteReachesTheNextWriter() throws Exception {
        // A long linger: the second line surely follows the first closely enough to be left to the flusher.
        ConsoleWriter console = new ConsoleWriter(TimeUnit.MILLISECONDS.toNanos(300));
        OutputStream channel = console.channel(out);
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
        write(channel, "next\n");
        assertEquals("first, at once\nnext\n", awaitText("out", 20));
    }

    @Test
    void aFailureOnTheWritersOwnWriteIsThrownToIt() throws Exception {
        ConsoleWriter console = new ConsoleWriter();
        OutputStream channel = console.channel(out);
        console.drain();
        out.failNext = new IOException("No space left on device");
        assertThrows(IOException.class, () -> write(channel, "x\n"));
    }

    @Test
    void closingWritesOutWhatIsHeldThenClosesTheDescriptor() throws Exception {
        ConsoleWriter console = new ConsoleWriter();
        OutputStream o = console.channel(out);
        write(o, "last words\n");
        o.close();
        assertEquals("last words\n", textOf("out"));
        assertTrue(out.closed);
    }

    @Test
    void concurrentWritersLoseNothingAndNeverSplitAWrite() throws Exception {
        ConsoleWriter console = new ConsoleWriter();
        OutputStream channel = console.channel(out);
        int threads = 4;
        int lines = 20_000;
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                try {
                    for (int n = 0; n < lines; n++) {
                        write(channel, "thread " + id + " line " + n + "\n");
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
        console.drain();
        assertEquals(List.of(), failures);
        String[] got = textOf("out").split("\n");
        assertEquals(threads * lines, got.length);
        int[] next = new int[threads];
        for (String line : got) {
            String[] parts = line.split(" ");
            int id = Integer.parseInt(parts[1]);
            assertEquals("thread " + id + " line " + next[id], line);
            next[id]++;
        }
    }
}
