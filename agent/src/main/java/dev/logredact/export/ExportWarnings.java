package dev.logredact.export;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The exporter's messages: each kind printed once per JVM, every text passed through the masker first
 * (a collector's message or an I/O error may echo data). Header values are never given to it.
 */
final class ExportWarnings {
    /** Enough of a collector's message to act on, not enough to flood a CI log. */
    static final int MAX_QUOTED = 300;

    private final PrintStream out;
    private final UnaryOperator<String> masker;
    private final Set<String> shown = ConcurrentHashMap.newKeySet();

    ExportWarnings(PrintStream out, UnaryOperator<String> masker) {
        this.out = out;
        this.masker = masker;
    }

    /** Prints {@code text} unless a message of this {@code kind} was printed before. */
    void once(String kind, String text) {
        if (shown.add(kind)) {
            print(text);
        }
    }

    void print(String text) {
        String masked;
        try {
            masked = masker.apply(text);
        } catch (Throwable t) {
            // Unmasked text must not get out, so say only that something went wrong.
            masked = "logredact: warning: an event export message was withheld (masking failed: "
                    + t.getClass().getName() + ")";
        }
        try {
            out.println(masked);
        } catch (Throwable ignored) {
            // Nowhere left to say it.
        }
    }

    /**
     * A foreign text fit to quote in one line: masked whole before it is cut (a cut could split a secret
     * so the masker no longer sees it), control characters made spaces (no forged CI log commands).
     */
    String quote(String text) {
        if (text == null || text.trim().isEmpty()) {
            return "no message";
        }
        String masked;
        try {
            masked = masker.apply(text);
        } catch (Throwable t) {
            return "message withheld";
        }
        StringBuilder line = new StringBuilder(Math.min(masked.length(), MAX_QUOTED + 1));
        for (int i = 0; i < masked.length() && line.length() < MAX_QUOTED; i++) {
            char c = masked.charAt(i);
            line.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        if (masked.length() > MAX_QUOTED) {
            line.append("...");
        }
        return line.toString().trim();
    }
}
