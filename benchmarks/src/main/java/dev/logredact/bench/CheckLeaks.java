package dev.logredact.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a redacted output against {@link BenchLog}'s answer key: how many key secrets are still
 * present anywhere in the output (by content, not line number, since masking a key block may change
 * the line count), and how many lines carry a mask. Prints {@code key=value} lines for the script.
 *
 * <p>{@code java -cp benchmarks.jar dev.logredact.bench.CheckLeaks KEY.tsv OUTPUT}
 */
public final class CheckLeaks {
    /** Every generated secret is at least this long, so a window of it indexes all of them. */
    private static final int WINDOW = 16;
    private static final long BASE = 1_000_003L;

    private CheckLeaks() {
    }

    public static void main(String[] args) throws IOException {
        Path key = Paths.get(args[0]);
        Path output = Paths.get(args[1]);
        Map<String, String> ruleOf = new HashMap<>();
        Map<String, String> kindOf = new HashMap<>();
        for (String row : Files.readAllLines(key, StandardCharsets.UTF_8)) {
            if (row.startsWith("#") || row.isEmpty()) {
                continue;
            }
            String[] f = row.split("\t", 4);
            ruleOf.put(f[3], f[1]);
            kindOf.put(f[3], f[2]);
        }
        Map<Long, List<String>> byWindow = new HashMap<>();
        for (String secret : ruleOf.keySet()) {
            if (secret.length() < WINDOW) {
                throw new IllegalStateException("secret shorter than " + WINDOW + " characters in " + key);
            }
            byWindow.computeIfAbsent(hash(secret, 0), k -> new ArrayList<>()).add(secret);
        }
        long pow = 1;
        for (int i = 0; i < WINDOW - 1; i++) {
            pow *= BASE;
        }
        Map<String, Boolean> found = new HashMap<>();
        long lines = 0;
        long masked = 0;
        try (BufferedReader in = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                lines++;
                if (line.contains("[REDACTED")) {
                    masked++;
                }
                if (line.length() < WINDOW) {
                    continue;
                }
                long h = hash(line, 0);
                for (int i = 0; ; i++) {
                    List<String> candidates = byWindow.get(h);
                    if (candidates != null) {
                        for (String s : candidates) {
                            if (line.startsWith(s, i)) {
                                found.put(s, true);
                            }
                        }
                    }
                    if (i + WINDOW >= line.length()) {
                        break;
                    }
                    h = (h - line.charAt(i) * pow) * BASE + line.charAt(i + WINDOW);
                }
            }
        }
        Map<String, Integer> leakedByRule = new TreeMap<>();
        int leakedSingle = 0;
        int leakedMulti = 0;
        for (String s : found.keySet()) {
            leakedByRule.merge(ruleOf.get(s), 1, Integer::sum);
            if (LeakLines.Kind.valueOf(kindOf.get(s)).multiLine()) {
                leakedMulti++;
            } else {
                leakedSingle++;
            }
        }
        System.out.println("lines=" + lines);
        System.out.println("masked_lines=" + masked);
        System.out.println("key_secrets=" + ruleOf.size());
        System.out.println("leaked=" + found.size());
        System.out.println("leaked_single_line=" + leakedSingle);
        System.out.println("leaked_multi_line=" + leakedMulti);
        StringBuilder rules = new StringBuilder();
        leakedByRule.forEach((rule, n) -> rules.append(rules.length() == 0 ? "" : ",").append(rule).append(':').append(n));
        System.out.println("leaked_by_rule=" + rules);
    }

    private static long hash(String s, int from) {
        long h = 0;
        for (int i = from; i < from + WINDOW; i++) {
            h = h * BASE + s.charAt(i);
        }
        return h;
    }
}
