package dev.logredact.stream;

import dev.logredact.mask.Redactor;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.testing.PlainLiterals;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writes held while the maskers cannot be made yet, as an agent's streams are while its engine loads. */
class WriteBacklogTest {
    private static final Redactor RULES = Redactor.builder(RuleSetLoader.defaults()).build();
    private static final PlainLiterals SECRETS = new PlainLiterals().add("API_TOKEN", "zq9-very-secret-77");

    /** A stream whose masker may only be made once {@code ready} is set, as the agent's wait for its engine. */
    private static MaskingOutputStream stream(ByteArrayOutputStream sink, WriteBacklog backlog, AtomicBoolean ready) {
        return new MaskingOutputStream(sink, () -> {
            assertTrue(ready.get(), "masker made before the engine was ready");
            return new StreamMasker(RULES, SECRETS, StandardCharsets.UTF_8, sink, StreamMasker.RedactionSink.NONE);
        }, backlog, 200, true);
    }

    interface Step {
        void run() throws Exception;
    }

    /** Starts {@code step} on a thread of its own and checks that it is still waiting 200 ms later. */
    private static Thread waiting(Step step, String why) throws InterruptedException {
        Thread thread = new Thread(() -> {
            try {
                step.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        thread.join(200);
        assertTrue(thread.isAlive(), why);
        return thread;
    }

    /** Standard output and error of one JVM: two streams into one sink, behind one backlog. */
    private static final class TwoStreams {
        final ByteArrayOutputStream sink = new ByteArrayOutputStream();
        final WriteBacklog backlog = new WriteBacklog(1 << 20);
        final AtomicBoolean ready = new AtomicBoolean();
        final MaskingOutputStream out = stream(sink, backlog, ready);
        final MaskingOutputStream err = stream(sink, backlog, ready);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void heldWritesAreMaskedInTheOrderWrittenAcrossStreams() throws Exception {
        TwoStreams t = new TwoStreams();
        t.out.write(bytes("out 1 zq9-very-secret-77\n"));
        t.err.write(bytes("err 1 zq9-very-secret-77\n"));
        t.out.write(bytes("out 2\n"));
        t.out.flush();
        assertEquals(0, t.sink.size(), "nothing may pass before it can be masked");
        t.ready.set(true);
        t.backlog.replay();
        t.out.write(bytes("out 3\n"));
        assertEquals("out 1 [REDACTED:env:API_TOKEN]\nerr 1 [REDACTED:env:API_TOKEN]\nout 2\nout 3\n",
                t.sink.toString("UTF-8"));
    }

    @Test
    void aReplayedMaskIsTheWritersNotTheReplayers() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        WriteBacklog backlog = new WriteBacklog(1 << 20);
        List<String> threads = new ArrayList<>();
        MaskingOutputStream out = new MaskingOutputStream(sink, () -> new StreamMasker(RULES, SECRETS,
                StandardCharsets.UTF_8, sink, mask -> threads.add(WritingThread.name())), backlog, 200, true);
        Thread writer = new Thread(() -> {
            try {
                out.write(bytes("from the app zq9-very-secret-77\n"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "app-writer");
        writer.start();
        writer.join();
        Thread replayer = new Thread(backlog::replay, "engine-builder");
        replayer.start();
        replayer.join();
        out.write(bytes("on this thread zq9-very-secret-77\n"));
        assertEquals(List.of("app-writer", Thread.currentThread().getName()), threads);
        assertEquals(Thread.currentThread().getName(), WritingThread.name());
    }

    @Test
    void drainAndAFullBacklogWaitForTheReplay() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        WriteBacklog backlog = new WriteBacklog(16);
        AtomicBoolean ready = new AtomicBoolean();
        MaskingOutputStream out = stream(sink, backlog, ready);
        out.write(bytes("short line\n"));
        CountDownLatch done = new CountDownLatch(2);
        Thread writer = new Thread(() -> {
            try {
                out.write(bytes("a line too long to hold zq9-very-secret-77\n"));
                done.countDown();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread drainer = new Thread(() -> {
            try {
                out.drain();
                done.countDown();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        drainer.start();
        Thread.sleep(100);
        assertEquals(2, done.getCount(), "both must wait for the engine");
        assertFalse(sink.toString("UTF-8").contains("zq9"));
        ready.set(true);
        backlog.replay();
        writer.join();
        drainer.join();
        out.drain();
        assertEquals("short line\na line too long to hold [REDACTED:env:API_TOKEN]\n", sink.toString("UTF-8"));
    }

    @Test
    void afterHoldingStopsAWriteWaitsAndIsWrittenByItsWriter() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        WriteBacklog backlog = new WriteBacklog(1 << 20);
        AtomicBoolean ready = new AtomicBoolean();
        MaskingOutputStream out = stream(sink, backlog, ready);
        backlog.stopHolding();
        CountDownLatch written = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try {
                out.write(bytes("at exit zq9-very-secret-77\n"));
                written.countDown();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        Thread.sleep(100);
        assertEquals(1, written.getCount(), "the write must wait for the engine, not be held");
        ready.set(true);
        backlog.replay();
        writer.join();
        assertEquals("at exit [REDACTED:env:API_TOKEN]\n", sink.toString("UTF-8"));
    }

    /**
     * The thread that will replay (the agent's engine thread) never waits for the replay, whether the
     * backlog stopped holding or is full: it would be waiting for itself. Its write is held and replayed.
     */
    @Test
    void theReplayersOwnWritesAreHeldNeverMadeToWait() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        WriteBacklog backlog = new WriteBacklog(16);
        AtomicBoolean ready = new AtomicBoolean();
        MaskingOutputStream err = stream(sink, backlog, ready);
        backlog.stopHolding();
        List<Throwable> failures = new ArrayList<>();
        Thread replayer = new Thread(() -> {
            try {
                backlog.replayedBy(Thread.currentThread());
                err.write(bytes("warning while building, longer than the limit zq9-very-secret-77\n"));
                assertEquals(0, sink.size(), "held, not written before it can be masked");
                ready.set(true);
                backlog.replay();
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        replayer.setDaemon(true);
        replayer.start();
        replayer.join(10_000);
        assertFalse(replayer.isAlive(), "the replayer waited for itself");
        assertEquals(new ArrayList<Throwable>(), failures);
        assertEquals("warning while building, longer than the limit [REDACTED:env:API_TOKEN]\n", sink.toString("UTF-8"));
    }

    /** Clears a stream's held bytes unless they contain "secret", split over writes or not. */
    private static final WriteBacklog.Clearance NO_SECRET_WORD =
            (b, off, len) -> !new String(b, off, len, StandardCharsets.UTF_8).contains("secret");

    @Test
    void clearedLinesAreWrittenAsTheyAreInOrderAndLaterWritesWaitToBeMasked() throws Exception {
        TwoStreams t = new TwoStreams();
        t.out.write(bytes("out 1\n"));
        t.err.write(bytes("err 1\n"));
        t.out.write(bytes("out 2\n"));
        assertTrue(t.backlog.releaseUnmasked(NO_SECRET_WORD));
        assertEquals("out 1\nerr 1\nout 2\n", t.sink.toString("UTF-8"));
        // Nothing of its own held: a drain need not wait for the engine (it would wait 60 s here).
        t.out.drain();
        t.backlog.stopHolding();
        Thread late = waiting(() -> t.out.write(bytes("late zq9-very-secret-77\n")),
                "a write after the release waits for the engine");
        t.ready.set(true);
        t.backlog.replay();
        late.join();
        assertEquals("out 1\nerr 1\nout 2\nlate [REDACTED:env:API_TOKEN]\n", t.sink.toString("UTF-8"));
    }

    @Test
    void aStreamThatIsNotClearOrEndsMidLineKeepsEverythingForTheMaskers() throws Exception {
        TwoStreams t = new TwoStreams();
        t.out.write(bytes("out 1\n"));
        // Only the stream's bytes together hold the word: each write alone would pass.
        t.err.write(bytes("sec"));
        t.err.write(bytes("ret zq9-very-secret-77\n"));
        assertFalse(t.backlog.releaseUnmasked(NO_SECRET_WORD));
        TwoStreams unfinished = new TwoStreams();
        unfinished.out.write(bytes("out 1\nout 2 without its end"));
        assertFalse(unfinished.backlog.releaseUnmasked(NO_SECRET_WORD), "the rest of the line may make it a secret");
        assertEquals(0, t.sink.size() + unfinished.sink.size());
        t.ready.set(true);
        t.backlog.replay();
        assertEquals("out 1\nsecret [REDACTED:env:API_TOKEN]\n", t.sink.toString("UTF-8"));
        assertFalse(t.backlog.releaseUnmasked(NO_SECRET_WORD), "after the replay nothing is held to release");
    }

    /**
     * A stream's target may write back into a masking stream (an application's tee): that write is held
     * for the replay, not lost, and the release does not deadlock with it.
     */
    @Test
    void aWriteMadeWhileReleasingIsHeldForTheReplay() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        WriteBacklog backlog = new WriteBacklog(1 << 20);
        AtomicBoolean ready = new AtomicBoolean();
        MaskingOutputStream err = stream(sink, backlog, ready);
        java.io.OutputStream tee = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                sink.write(b, off, len);
                err.write(bytes("tee zq9-very-secret-77\n"));
            }
        };
        MaskingOutputStream out = new MaskingOutputStream(tee, () -> {
            assertTrue(ready.get(), "masker made before the engine was ready");
            return new StreamMasker(RULES, SECRETS, StandardCharsets.UTF_8, tee, StreamMasker.RedactionSink.NONE);
        }, backlog, 200, true);
        out.write(bytes("out 1\n"));
        assertTrue(backlog.releaseUnmasked(NO_SECRET_WORD));
        assertEquals("out 1\n", sink.toString("UTF-8"));
        ready.set(true);
        backlog.replay();
        assertEquals("out 1\ntee [REDACTED:env:API_TOKEN]\n", sink.toString("UTF-8"));
    }

    /** A stream closed after a release waits for what was held for it since, and it is masked. */
    @Test
    void aCloseAfterTheReleaseWaitsForWhatWasHeldSince() throws Exception {
        TwoStreams t = new TwoStreams();
        t.out.write(bytes("out 1\n"));
        assertTrue(t.backlog.releaseUnmasked(NO_SECRET_WORD));
        t.out.write(bytes("out 2 zq9-very-secret-77\n"));
        Thread closer = waiting(t.out::close, "closed while a write of its stream was still held");
        t.ready.set(true);
        t.backlog.replay();
        closer.join();
        assertEquals("out 1\nout 2 [REDACTED:env:API_TOKEN]\n", t.sink.toString("UTF-8"));
    }
}
