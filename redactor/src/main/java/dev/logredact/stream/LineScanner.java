package dev.logredact.stream;

import dev.logredact.event.Fingerprinter;
import dev.logredact.match.Finding;
import dev.logredact.match.PatternScanner;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds secrets in a whole text the way {@link LineRedactor} sees a stream of it: line by line, with
 * private key blocks taken whole. Reports where each secret is, never what it is.
 */
public final class LineScanner {
    private final PatternScanner scanner;
    private final Fingerprinter fingerprinter;

    public LineScanner(PatternScanner scanner, Fingerprinter fingerprinter) {
        this.scanner = scanner;
        this.fingerprinter = fingerprinter;
    }

    /** The findings in {@code text}, read from {@code path} (allowlist and rule paths apply to it). */
    public List<LocatedFinding> scan(String text, String path) {
        List<LocatedFinding> out = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        int line = 0;
        while (line < lineStarts.length - 1) {
            int start = lineStarts[line];
            int end = lineStarts[line + 1];
            String content = text.substring(start, contentEnd(text, start, end));
            int lastLine = line;
            if (PrivateKeyBlock.opens(content)) {
                int held = 1;
                int chars = end - start;
                while (lastLine + 1 < lineStarts.length - 1 && held < PrivateKeyBlock.MAX_LINES
                        && chars < PrivateKeyBlock.MAX_CHARS) {
                    lastLine++;
                    held++;
                    chars += lineStarts[lastLine + 1] - lineStarts[lastLine];
                    String next = text.substring(lineStarts[lastLine], contentEnd(text, lineStarts[lastLine], lineStarts[lastLine + 1]));
                    if (PrivateKeyBlock.closes(next)) {
                        break;
                    }
                }
                end = lineStarts[lastLine + 1];
            }
            String fragment = text.substring(start, end);
            for (Finding f : scanner.scan(fragment, path)) {
                int absoluteStart = start + f.start();
                int absoluteEnd = start + f.end();
                int firstLine = lineOf(lineStarts, absoluteStart);
                int finalLine = lineOf(lineStarts, Math.max(absoluteStart, absoluteEnd - 1));
                out.add(new LocatedFinding(f.rule(), firstLine + 1, absoluteStart - lineStarts[firstLine] + 1,
                        finalLine + 1, absoluteEnd - lineStarts[finalLine] + 1,
                        fingerprinter.fingerprint(text.subSequence(absoluteStart, absoluteEnd))));
            }
            line = lastLine + 1;
        }
        return out;
    }

    /** Offsets where each line starts, plus the text's length as a final sentinel. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        if (starts.get(starts.size() - 1) != text.length()) {
            starts.add(text.length());
        }
        int[] a = new int[starts.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = starts.get(i);
        }
        return a;
    }

    private static int contentEnd(String text, int start, int end) {
        int e = end;
        if (e > start && text.charAt(e - 1) == '\n') {
            e--;
        }
        if (e > start && text.charAt(e - 1) == '\r') {
            e--;
        }
        return e;
    }

    private static int lineOf(int[] lineStarts, int offset) {
        int lo = 0;
        int hi = lineStarts.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
