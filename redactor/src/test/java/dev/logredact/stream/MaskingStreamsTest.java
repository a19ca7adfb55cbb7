package dev.logredact.stream;

import dev.logredact.mask.Redactor;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.testing.FakeSecrets;
import dev.logredact.testing.PlainLiterals;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The thread-safe, timed wrappers around {@link StreamMasker}. */
class MaskingStreamsTest {
    private static final Redactor RULES = Redactor.builder(RuleSetLoader.defaults()).build();
    private static final PlainLiterals SECRETS = new PlainLiterals().add("API_TOKEN", "zq9-very-secret-77");

    private static MaskingOutputStream masking(OutputStream target, long idleMillis) {
        return new MaskingOutputStream(target, new StreamMasker(RULES, SECRETS, StandardCharsets.UTF_8, target,
                StreamMasker.RedactionSink.NONE), idleMillis, true);
    }

    @Test
    void concurrentWritersNeverInterleaveInsideOneWrite() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        MaskingOutputStream out = masking(sink, 200);
        List<Thread> threads = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 6; t++) {
            final int id = t;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 2_000; i++) {
                        out.write(("thread-" + id + " line " + i + " zq9-very-secret-77 end\n").getBytes(StandardCharsets.UTF_8));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        out.close();
        String[] lines = sink.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(12_000, lines.length);
        for (String line : lines) {
            assertTrue(line.matches("thread-\\d line \\d+ \\[REDACTED:env:API_TOKEN] end"), line);
        }
    }

    @Test
    void aPromptWithoutNewlineShowsAfterTheIdlePause() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        MaskingOutputStream out = masking(sink, 100);
        out.write("Password: ".getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertEquals("", sink.toString(StandardCharsets.UTF_8));
        long deadline = System.currentTimeMillis() + 5_000;
        while (sink.size() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals("Password: ", sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anInternalErrorWithholdsTheTextAndMaskingGoesOn() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        boolean[] fail = {true};
        LiteralSource flaky = charset -> {
            if (fail[0]) {
                fail[0] = false;
                throw new IllegalStateException("simulated bug");
            }
            return SECRETS.current(charset);
        };
        MaskingOutputStream out = new MaskingOutputStream(sink, new StreamMasker(RULES, flaky, StandardCharsets.UTF_8,
                sink, StreamMasker.RedactionSink.NONE), 200, true);
        long before = MaskingOutputStream.errors();
        out.write("leak zq9-very-secret-77\n".getBytes(StandardCharsets.UTF_8));
        out.write("again zq9-very-secret-77\n".getBytes(StandardCharsets.UTF_8));
        out.close();
        String text = sink.toString(StandardCharsets.UTF_8);
        assertEquals(MaskingOutputStream.WITHHELD + System.lineSeparator() + "again [REDACTED:env:API_TOKEN]\n", text);
        assertEquals(before + 1, MaskingOutputStream.errors());
    }

    @Test
    void theWriterMasksAcrossSplitSurrogatesAndWrites() throws IOException {
        StringWriter target = new StringWriter();
        MaskingWriter w = new MaskingWriter(target, out -> new StreamMasker(RULES, SECRETS, StandardCharsets.UTF_8, out,
                StreamMasker.RedactionSink.NONE), 200, true);
        String text = "emoji \uD83D\uDE00 then zq9-very-secret-77 and " + new FakeSecrets(3).githubPat() + "\n";
        for (char c : text.toCharArray()) {
            w.write(c);
            w.flush();
        }
        w.close();
        assertEquals("emoji \uD83D\uDE00 then [REDACTED:env:API_TOKEN] and [REDACTED:github-pat]\n", target.toString());
    }

    @Test
    void textMaskingReturnsTheSameInstanceWhenNothingIsSecret() {
        TextMasker masker = new TextMasker(RULES, LiteralSource.NONE, StreamMasker.RedactionSink.NONE);
        String clean = "[main] INFO  c.e.App - started in 42 ms";
        assertTrue(clean == masker.mask(clean));
        String masked = new TextMasker(RULES, SECRETS, StreamMasker.RedactionSink.NONE)
                .mask("x zq9-very-secret-77\ncaused by: y");
        assertEquals("x [REDACTED:env:API_TOKEN]\ncaused by: y", masked);
        assertFalse(masked.contains("zq9"));
    }

    @Test
    void withKnownSecretsACleanEventIsLeftAsItIsAndAnEscapedFormIsStillFound() {
        TextMasker masker = new TextMasker(RULES, SECRETS, StreamMasker.RedactionSink.NONE);
        String clean = "[main] INFO  c.e.App - fetched 42 artifacts in 17 ms\n";
        assertTrue(clean == masker.mask(clean));
        byte[] cleanBytes = clean.getBytes(StandardCharsets.UTF_8);
        assertTrue(cleanBytes == masker.mask(cleanBytes, StandardCharsets.UTF_8));
        byte[] json = "{\"message\":\"token zq9-very-secret-77\"}\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("{\"message\":\"token [REDACTED:env:API_TOKEN]\"}\n",
                new String(masker.mask(json, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        String pat = new FakeSecrets(5).githubPat();
        assertEquals("k [REDACTED:github-pat]\n", new String(masker.mask(("k " + pat + "\n").getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
