package dev.logredact.bench;

import dev.logredact.mask.Redactor;
import dev.logredact.rules.RuleSet;
import dev.logredact.secrets.SecretRegistry;
import dev.logredact.stream.StreamMasker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one worker of {@code redact} does per block: a new {@link StreamMasker} with the CLI's learning
 * registry takes a block of real build output in one write ({@code ParallelRedactor}'s 256 KiB blocks).
 * The text is the first {@link RedactorBenchmark#LINES_PER_FILE} lines of each corpus file; the
 * {@code bytes} counter is the rate. {@code rules=none} is the floor: line ends only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StreamMaskerBenchmark {
    static final int BLOCK = 256 * 1024;

    @Param({"gitleaks", "none"})
    public String rules;

    private Redactor redactor;
    private byte[] text;
    /** Block ends: the last line end within {@link #BLOCK} bytes of the previous one, as LineBlocks cuts. */
    private int[] ends;

    @Setup
    public void setUp() throws IOException {
        redactor = Redactor.builder("none".equals(rules) ? RuleSet.EMPTY : BenchFiles.rules(BenchFiles.gitleaksToml()))
                .build();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path gz : BenchFiles.corpusFiles(BenchFiles.corpusDir())) {
            java.util.List<String> lines = BenchFiles.readGzipLines(gz);
            for (String line : lines.subList(0, Math.min(RedactorBenchmark.LINES_PER_FILE, lines.size()))) {
                all.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        text = all.toByteArray();
        java.util.List<Integer> cuts = new java.util.ArrayList<>();
        for (int start = 0; start < text.length; ) {
            int end = Math.min(start + BLOCK, text.length);
            while (end < text.length && text[end - 1] != '\n') {
                end--;
            }
            cuts.add(end);
            start = end;
        }
        ends = cuts.stream().mapToInt(Integer::intValue).toArray();
    }

    @Benchmark
    public int block(RedactorBenchmark.Processed processed) throws IOException {
        int held = 0;
        int start = 0;
        for (int end : ends) {
            StreamMasker masker = new StreamMasker(redactor, new SecretRegistry(6, 1000, 256 * 1024),
                    StandardCharsets.UTF_8, OutputStream.nullOutputStream(), StreamMasker.RedactionSink.NONE);
            masker.write(text, start, end - start);
            held += masker.held();
            start = end;
        }
        processed.bytes += text.length;
        return held;
    }
}
