package dev.logredact.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds the throughput benchmark's input: runs of consecutive lines from the real-output corpus, files
 * and offsets chosen at random (seeded), with a {@link LeakLines} leak mixed in about every
 * {@code --leak-every} lines, until the log reaches {@code --mb} MiB. Writes the answer key next to it:
 * one row per secret with the 1-based line it is on and the rule that must find it.
 *
 * <p>{@code java -cp benchmarks.jar dev.logredact.bench.BenchLog [--out benchmarks/work/bench.log]
 * [--mb 32] [--leak-every 2000] [--seed 1] [--corpus DIR]}
 */
public final class BenchLog {
    /** Shortest and longest run of consecutive corpus lines: long enough to keep each tool's context. */
    private static final int MIN_RUN = 50;
    private static final int MAX_RUN = 3000;

    private BenchLog() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Paths.get(BenchFiles.option(args, "--out", "benchmarks/work/bench.log"));
        Path key = Paths.get(BenchFiles.option(args, "--key", out + ".key.tsv"));
        long targetBytes = Long.parseLong(BenchFiles.option(args, "--mb", "32")) << 20;
        int leakEvery = Integer.parseInt(BenchFiles.option(args, "--leak-every", "2000"));
        long seed = Long.parseLong(BenchFiles.option(args, "--seed", "1"));
        String corpusOption = BenchFiles.option(args, "--corpus", null);
        Path corpus = corpusOption != null ? Paths.get(corpusOption) : BenchFiles.corpusDir();

        List<List<String>> files = new ArrayList<>();
        for (Path gz : BenchFiles.corpusFiles(corpus)) {
            files.add(BenchFiles.readGzipLines(gz));
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no *.gz corpus files in " + corpus);
        }
        Stats stats = write(files, out, key, targetBytes, leakEvery, seed);
        System.err.printf("BenchLog: %s: %,d bytes, %,d lines, %,d leaks (%,d secrets); key %s%n",
                out, stats.bytes, stats.lines, stats.leaks, stats.secrets, key);
    }

    record Stats(long bytes, long lines, int leaks, int secrets) {
    }

    static Stats write(List<List<String>> files, Path out, Path key, long targetBytes, int leakEvery, long seed)
            throws IOException {
        Random random = new Random(seed);
        LeakLines leaks = new LeakLines(seed);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        long bytes = 0;
        long lineNo = 0;
        int leakCount = 0;
        int secretCount = 0;
        long nextLeak = gap(random, leakEvery);
        try (BufferedWriter log = writer(out); BufferedWriter answers = writer(key)) {
            answers.write("# line\trule\tkind\tsecret (line is 1-based; every secret must be absent from the redacted output)\n");
            while (bytes < targetBytes) {
                List<String> file = files.get(random.nextInt(files.size()));
                int run = Math.min(file.size(), MIN_RUN + random.nextInt(MAX_RUN - MIN_RUN + 1));
                int from = random.nextInt(file.size() - run + 1);
                for (int i = from; i < from + run && bytes < targetBytes; i++) {
                    if (lineNo >= nextLeak) {
                        LeakLines.Leak leak = leaks.next();
                        for (String line : leak.lines()) {
                            lineNo++;
                            bytes += write(log, line);
                            for (String secret : leak.secrets()) {
                                if (line.contains(secret)) {
                                    answers.write(lineNo + "\t" + leak.ruleId() + "\t" + leak.kind() + "\t" + secret + "\n");
                                    secretCount++;
                                }
                            }
                        }
                        leakCount++;
                        nextLeak = lineNo + gap(random, leakEvery);
                    }
                    lineNo++;
                    bytes += write(log, file.get(i));
                }
            }
        }
        return new Stats(bytes, lineNo, leakCount, secretCount);
    }

    /** Between half and one and a half times the mean, so that leaks do not fall on a fixed stride. */
    private static long gap(Random random, int mean) {
        return mean / 2 + random.nextInt(mean + 1);
    }

    private static int write(BufferedWriter w, String line) throws IOException {
        w.write(line);
        w.write('\n');
        // Close enough for a size target: the corpus is almost all ASCII.
        return line.length() + 1;
    }

    private static BufferedWriter writer(Path p) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 16);
    }
}
