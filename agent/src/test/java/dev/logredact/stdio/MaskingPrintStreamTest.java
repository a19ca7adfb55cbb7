package dev.logredact.stdio;

import dev.logredact.mask.Redactor;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.stream.LiteralSource;
import dev.logredact.stream.StreamMasker;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The print paths of a wrapped stream, println's own included: masked, whole, in the original's charset. */
class MaskingPrintStreamTest {
    private static final Redactor RULES = Redactor.builder(RuleSetLoader.defaults()).build();
    private static final String PAT = "ghp_" + "Kx7Qm2Wn9Lp4Rt6Vy8Bz1Cd3Fg5Hj7Mk9Np2Q";
    private static final String NL = System.lineSeparator();

    private static PrintStream wrap(OutputStream sink, Charset charset) throws Exception {
        SystemStreams streams = new SystemStreams(new SystemStreams.MaskerFactory() {
            @Override
            public StreamMasker create(OutputStream target, Charset cs, String channel) {
                return new StreamMasker(RULES, LiteralSource.NONE, cs, target, StreamMasker.RedactionSink.NONE);
            }
        }, null, 200, true);
        return streams.wrap(new PrintStream(sink, true, charset.name()), "stdout");
    }

    @Test
    void printlnWritesTheLineMaskedWithItsSeparator() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = wrap(sink, StandardCharsets.UTF_8);
        out.print("cloning with ");
        out.println("token " + PAT);
        out.println((Object) null);
        out.println((String) null);
        out.println(new StringBuilder("an object"));
        out.println();
        assertEquals("cloning with token [REDACTED:github-pat]" + NL + "null" + NL + "null" + NL + "an object" + NL + NL,
                sink.toString("UTF-8"));
    }

    /** println encodes as print does: in the charset the wrapper found for the original (Java 18+: its own). */
    @Test
    void printlnEncodesAsPrintDoes() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream original = new PrintStream(sink, true, "ISO-8859-1");
        PrintStream out = wrap(sink, StandardCharsets.ISO_8859_1);
        out.print("café ☕ \uD83D");
        out.print(NL);
        int half = sink.size();
        out.println("café ☕ \uD83D");
        byte[] bytes = sink.toByteArray();
        assertArrayEquals(("café ☕ \uD83D" + NL).getBytes(SystemStreams.charsetOf(original, null)), Arrays.copyOfRange(bytes, half, bytes.length));
        assertArrayEquals(Arrays.copyOfRange(bytes, 0, half), Arrays.copyOfRange(bytes, half, bytes.length));
    }

    @Test
    void aFailingTargetSetsTheErrorFlagAndThrowsNothing() throws Exception {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        PrintStream out = wrap(broken, StandardCharsets.UTF_8);
        assertFalse(out.checkError());
        out.println("a line");
        assertTrue(out.checkError());
    }
}
