package dev.logredact.bench;

import dev.logredact.mask.Redactor;
import dev.logredact.rules.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link Redactor#redactLine} over a block of real corpus lines (the first {@link #LINES_PER_FILE} of
 * each corpus file), next to the per-line baseline. The {@code bytes} counter is the throughput in
 * characters per second (the corpus is ASCII, so bytes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedactorBenchmark {
    static final int LINES_PER_FILE = 2000;

    private Redactor redactor;
    private PerLineGitleaks perLine;
    private String[] block;
    private long blockChars;

    /** Characters processed, reported by JMH as a rate next to the operations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Processed {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void setUp() {
        RuleSet rules = BenchFiles.rules(BenchFiles.gitleaksToml());
        redactor = Redactor.builder(rules).build();
        perLine = new PerLineGitleaks(rules);
        List<String> lines = new ArrayList<>();
        for (Path gz : BenchFiles.corpusFiles(BenchFiles.corpusDir())) {
            List<String> file = BenchFiles.readGzipLines(gz);
            lines.addAll(file.subList(0, Math.min(LINES_PER_FILE, file.size())));
        }
        block = lines.toArray(new String[0]);
        for (String line : block) {
            blockChars += line.length() + 1;
        }
    }

    @Benchmark
    public void redactor(Processed processed, Blackhole bh) {
        for (String line : block) {
            bh.consume(redactor.redactLine(line));
        }
        processed.bytes += blockChars;
    }

    @Benchmark
    public void perLineGitleaks(Processed processed, Blackhole bh) {
        for (String line : block) {
            bh.consume(perLine.redactLine(line));
        }
        processed.bytes += blockChars;
    }
}
