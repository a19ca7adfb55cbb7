package dev.logredact.bench;

import dev.logredact.match.LiteralIndex;
import dev.logredact.match.MatchText;
import dev.logredact.match.PatternScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Where {@link LiteralBenchmark#streamMasker}'s time goes: each pass that {@code StreamMasker.write}
 * makes over the bytes, alone, over the same text and secrets, in the same 8 KiB pieces where the
 * masker works per write. Not a product path; read next to {@code streamMasker} from the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LiteralPartsBenchmark {
    @Param({"1000"})
    public int secrets;

    private LiteralBenchmark whole;
    private byte[] text;
    private PatternScanner scanner;
    private LiteralIndex index;
    /** The whole text as the masker's match view sees it. */
    private byte[] view;
    private int viewLength;

    @Setup
    public void setUp() throws IOException {
        whole = new LiteralBenchmark();
        whole.secrets = secrets;
        whole.setUp();
        text = whole.text();
        scanner = whole.noRules().scanner();
        index = whole.registry().current(StandardCharsets.UTF_8).index();
        MatchText m = new MatchText();
        m.append(text, 0, text.length, 0);
        view = java.util.Arrays.copyOf(m.bytes(), m.length());
        viewLength = m.length();
    }

    /** The product path, for reference in the same run. */
    @Benchmark
    public void streamMasker(LiteralBenchmark.Processed processed) {
        whole.streamMasker(processed);
    }

    /** The floor of any byte-at-a-time pass: find line ends, nothing else. */
    @Benchmark
    public int lineEnds(LiteralBenchmark.Processed processed) {
        int lines = 0;
        for (byte c : text) {
            if (c == '\n') {
                lines++;
            }
        }
        processed.bytes += text.length;
        return lines;
    }

    /** StreamMasker.refreshLiterals' copy into the match view, and dropping what was written out. */
    @Benchmark
    public int matchTextAppend(LiteralBenchmark.Processed processed) {
        MatchText m = new MatchText();
        int kept = 0;
        for (int off = 0; off < text.length; off += LiteralBenchmark.WRITE) {
            int len = Math.min(LiteralBenchmark.WRITE, text.length - off);
            m.append(text, off, len, 0);
            kept += m.length();
            m.dropBefore(len);
        }
        processed.bytes += text.length;
        return kept;
    }

    /** The q-gram index over the whole view at once. */
    @Benchmark
    public void literalIndexScan(LiteralBenchmark.Processed processed, Blackhole bh) {
        bh.consume(index.scan(view, 0, viewLength, (start, end, pattern) -> bh.consume(pattern)));
        processed.bytes += text.length;
    }
}
