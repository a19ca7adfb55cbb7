package dev.logredact.bench;

import dev.logredact.mask.Redactor;
import dev.logredact.rules.RuleSet;
import dev.logredact.secrets.KnownSecret;
import dev.logredact.secrets.SecretForm;
import dev.logredact.secrets.SecretForms;
import dev.logredact.secrets.SecretRegistry;
import dev.logredact.stream.StreamMasker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Known-secret (literal) masking as the number of registered secrets grows: the product's
 * {@link StreamMasker} with no rules, against a Jenkins-style regex alternation and a GitHub-runner-style
 * {@code indexOf} loop, all given the same forms of the same secrets. The {@code bytes} counter is the
 * rate in bytes of UTF-8 input per second.
 *
 * <p>The product takes the whole text per op as a byte stream in 8 KiB writes (so it also splits lines
 * and keeps its match view). The baselines get the lines already decoded as {@code String}s and take
 * {@link #SLICE} of them per op: that favours them, and small ops keep an iteration near its 1 s even
 * when a baseline manages only kilobytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LiteralBenchmark {
    static final int LINES_PER_FILE = 2000;
    /** A secret is printed about this often, alternately plain and base64-encoded. */
    static final int SECRET_EVERY = 1000;
    static final int SLICE = 16;
    static final int WRITE = 8192;
    /** The agent's default logredact.secrets.min.length. */
    static final int MIN_LENGTH = 6;
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @Param({"1", "10", "100", "1000", "10000"})
    public int secrets;

    private Redactor noRules;
    private SecretRegistry registry;
    private byte[] text;
    private String[] lines;
    private long[] lineBytes;
    /** Every form of every secret, longest first: the alternation's order, and the loop's. */
    private String[] forms;
    private Pattern alternation;

    /** Bytes processed, reported by JMH as a rate next to the operations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Processed {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    /** Where the next baseline slice starts; kept across iterations so slow runs still cover the text. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup
    public void setUp() throws IOException {
        Random random = new Random(42);
        List<String> values = new ArrayList<>();
        registry = new SecretRegistry(MIN_LENGTH, 1000, 256 * 1024);
        Set<String> allForms = new LinkedHashSet<>();
        for (int i = 0; i < secrets; i++) {
            String value = token(random, 20 + random.nextInt(21));
            KnownSecret secret = KnownSecret.of(KnownSecret.Source.ENV, "BENCH_SECRET_" + i, value);
            String refused = registry.register(secret);
            if (refused != null) {
                throw new IllegalStateException("refused secret " + i + ": " + refused);
            }
            values.add(value);
            for (SecretForm form : SecretForms.of(secret, MIN_LENGTH)) {
                allForms.add(form.text());
            }
        }
        List<String> sorted = new ArrayList<>(allForms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        forms = sorted.toArray(new String[0]);
        StringBuilder regex = new StringBuilder();
        for (String f : forms) {
            if (regex.length() > 0) {
                regex.append('|');
            }
            regex.append(Pattern.quote(f));
        }
        alternation = Pattern.compile(regex.toString());
        noRules = Redactor.builder(RuleSet.EMPTY).build();

        List<String> all = new ArrayList<>();
        List<String> printed = new ArrayList<>();
        List<String> leakLines = new ArrayList<>();
        for (Path gz : BenchFiles.corpusFiles(BenchFiles.corpusDir())) {
            List<String> file = BenchFiles.readGzipLines(gz);
            for (String line : file.subList(0, Math.min(LINES_PER_FILE, file.size()))) {
                all.add(line);
                if (all.size() % SECRET_EVERY == 0) {
                    String value = values.get(random.nextInt(values.size()));
                    String leak;
                    if (printed.size() % 2 == 0) {
                        leak = "+ curl -sf -H 'PRIVATE-TOKEN: " + value + "' https://gitlab.example.com/api/v4/projects";
                        printed.add(value);
                    } else {
                        String basic = Base64.getEncoder().encodeToString(("ci-bot:" + value).getBytes(StandardCharsets.UTF_8));
                        leak = "[DEBUG] http-outgoing-3 >> \"Authorization: Basic " + basic + "[\\r][\\n]\"";
                        printed.add(basic);
                    }
                    all.add(leak);
                    leakLines.add(leak);
                }
            }
        }
        lines = all.toArray(new String[0]);
        lineBytes = new long[lines.length];
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            lineBytes[i] = lines[i].getBytes(StandardCharsets.UTF_8).length + 1;
            joined.append(lines[i]).append('\n');
        }
        text = joined.toString().getBytes(StandardCharsets.UTF_8);
        check(leakLines, values);
    }

    /**
     * A benchmark that masks nothing measures nothing: every variant must mask every printed secret
     * (for base64 the value's bytes, which the forms cover whatever precedes the value).
     */
    private void check(List<String> leakLines, List<String> values) throws IOException {
        ByteArrayOutputStream masked = new ByteArrayOutputStream();
        maskStream(masked);
        String ours = masked.toString(StandardCharsets.UTF_8);
        int masks = count(ours, "[REDACTED:env:BENCH_SECRET_");
        if (masks != leakLines.size()) {
            throw new IllegalStateException("StreamMasker masked " + masks + " of " + leakLines.size() + " printed secrets");
        }
        for (String leak : leakLines) {
            if (!alternation.matcher(leak).find()) {
                throw new IllegalStateException("the alternation misses a printed secret");
            }
            if (indexOfLoop(leak) == leak) {
                throw new IllegalStateException("the indexOf loop misses a printed secret");
            }
        }
        for (String value : values) {
            if (ours.contains(value)) {
                throw new IllegalStateException("StreamMasker left a secret");
            }
        }
    }

    byte[] text() {
        return text;
    }

    Redactor noRules() {
        return noRules;
    }

    SecretRegistry registry() {
        return registry;
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static String token(Random random, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }

    private void maskStream(OutputStream out) throws IOException {
        StreamMasker masker = new StreamMasker(noRules, registry, StandardCharsets.UTF_8, out, StreamMasker.RedactionSink.NONE);
        for (int off = 0; off < text.length; off += WRITE) {
            masker.write(text, off, Math.min(WRITE, text.length - off));
        }
        masker.releaseAll(true);
    }

    @Benchmark
    public void streamMasker(Processed processed) {
        try {
            maskStream(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        processed.bytes += text.length;
    }

    /** Jenkins' credentials masking: one alternation of every quoted value, longest first, per line. */
    @Benchmark
    public void regexAlternation(Processed processed, Cursor cursor, Blackhole bh) {
        int start = cursor.next;
        int end = Math.min(start + SLICE, lines.length);
        long bytes = 0;
        for (int i = start; i < end; i++) {
            String line = lines[i];
            Matcher m = alternation.matcher(line);
            bh.consume(m.find() ? m.replaceAll("****") : line);
            bytes += lineBytes[i];
        }
        cursor.next = end == lines.length ? 0 : end;
        processed.bytes += bytes;
    }

    /** GitHub's runner: every registered value looked for with indexOf, found ranges merged, then masked. */
    @Benchmark
    public void indexOfLoop(Processed processed, Cursor cursor, Blackhole bh) {
        int start = cursor.next;
        int end = Math.min(start + SLICE, lines.length);
        long bytes = 0;
        for (int i = start; i < end; i++) {
            bh.consume(indexOfLoop(lines[i]));
            bytes += lineBytes[i];
        }
        cursor.next = end == lines.length ? 0 : end;
        processed.bytes += bytes;
    }

    private String indexOfLoop(String line) {
        int[] starts = null;
        int[] ends = null;
        int found = 0;
        for (String form : forms) {
            for (int at = line.indexOf(form); at >= 0; at = line.indexOf(form, at + 1)) {
                if (starts == null) {
                    starts = new int[4];
                    ends = new int[4];
                } else if (found == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, found * 2);
                    ends = java.util.Arrays.copyOf(ends, found * 2);
                }
                starts[found] = at;
                ends[found++] = at + form.length();
            }
        }
        if (found == 0) {
            return line;
        }
        // Merge overlapping ranges in start order, as the runner does before it replaces them.
        Integer[] order = new Integer[found];
        for (int i = 0; i < found; i++) {
            order[i] = i;
        }
        int[] s = starts;
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> s[i]));
        StringBuilder out = new StringBuilder(line.length());
        int copied = 0;
        int openStart = -1;
        int openEnd = -1;
        for (int k : order) {
            if (openStart >= 0 && starts[k] <= openEnd) {
                openEnd = Math.max(openEnd, ends[k]);
                continue;
            }
            if (openStart >= 0) {
                out.append(line, copied, openStart).append("***");
                copied = openEnd;
            }
            openStart = starts[k];
            openEnd = ends[k];
        }
        out.append(line, copied, openStart).append("***");
        out.append(line, openEnd, line.length());
        return out.toString();
    }
}
