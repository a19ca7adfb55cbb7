package dev.logredact.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * Compares two redacted outputs of the same input line by line: line counts, masked lines in each, and
 * the lines that differ, with the first few shown (cut short) so the reason can be read. Where A masked
 * a private-key block as one line and B (which sees one line at a time) left the block as it was, the
 * comparison skips B's block and counts it apart, so the outputs stay aligned after it.
 *
 * <p>{@code java -cp benchmarks.jar dev.logredact.bench.CompareOutputs A B [shown]}
 */
public final class CompareOutputs {
    private CompareOutputs() {
    }

    public static void main(String[] args) throws IOException {
        int show = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long linesA = 0;
        long linesB = 0;
        long maskedA = 0;
        long maskedB = 0;
        long differing = 0;
        long blocksOnlyA = 0;
        try (BufferedReader a = Files.newBufferedReader(Paths.get(args[0]), StandardCharsets.UTF_8);
             BufferedReader b = Files.newBufferedReader(Paths.get(args[1]), StandardCharsets.UTF_8)) {
            String la = a.readLine();
            String lb = b.readLine();
            while (la != null || lb != null) {
                if (la != null) {
                    linesA++;
                    maskedA += la.contains("[REDACTED") ? 1 : 0;
                }
                if (lb != null) {
                    linesB++;
                    maskedB += lb.contains("[REDACTED") ? 1 : 0;
                }
                if (la != null && lb != null && !la.equals(lb) && la.contains("[REDACTED") && isBlockStart(lb)) {
                    while (lb != null && !lb.contains("-----END")) {
                        lb = b.readLine();
                        if (lb != null) {
                            linesB++;
                            maskedB += lb.contains("[REDACTED") ? 1 : 0;
                        }
                    }
                    blocksOnlyA++;
                } else if (la == null || !la.equals(lb)) {
                    differing++;
                    if (differing <= show) {
                        System.out.println("diff_line_" + Math.max(linesA, linesB) + "_a=" + cut(la));
                        System.out.println("diff_line_" + Math.max(linesA, linesB) + "_b=" + cut(lb));
                    }
                }
                la = a.readLine();
                lb = b.readLine();
            }
        }
        System.out.println("lines_a=" + linesA);
        System.out.println("lines_b=" + linesB);
        System.out.println("masked_lines_a=" + maskedA);
        System.out.println("masked_lines_b=" + maskedB);
        System.out.println("differing_lines=" + differing);
        System.out.println("key_blocks_masked_only_by_a=" + blocksOnlyA);
    }

    private static boolean isBlockStart(String line) {
        return line.contains("-----BEGIN") && line.contains("PRIVATE KEY");
    }

    private static String cut(String s) {
        return s == null ? "<none>" : s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
