package dev.logredact.stream;

import java.util.Locale;

/**
 * Lines from a {@code -----BEGIN … PRIVATE KEY-----} line to its END line, held so that the key is
 * masked as one text. Bounded: a block that does not end in time is masked line by line wherever a
 * line looks like key material, so a key never leaks because its END line went missing.
 */
final class PrivateKeyBlock {
    static final int MAX_LINES = 200;
    static final int MAX_CHARS = 64 * 1024;

    private final StringBuilder text = new StringBuilder();
    private int lines;

    /** True for a line that begins a private key block that does not also end on that line. */
    static boolean opens(String line) {
        int begin = line.indexOf("-----BEGIN");
        if (begin < 0) {
            return false;
        }
        String upper = line.toUpperCase(Locale.ROOT);
        return upper.indexOf("PRIVATE KEY", begin) > 0 && upper.indexOf("-----END", begin) < 0;
    }

    static boolean closes(String line) {
        return line.contains("-----END") && line.toUpperCase(Locale.ROOT).contains("PRIVATE KEY");
    }

    void add(String lineWithTerminator) {
        text.append(lineWithTerminator);
        lines++;
    }

    boolean full() {
        return lines >= MAX_LINES || text.length() >= MAX_CHARS;
    }

    String text() {
        return text.toString();
    }

    /**
     * The held lines with every line after the BEGIN line that looks like key material (base64, or a
     * PEM header such as {@code Proc-Type:}) replaced by the mask: what is written when the block never
     * ended, so the rules could not see it whole.
     */
    String maskedLineByLine(String mask) {
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        boolean first = true;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int terminatorEnd = end;
            if (terminatorEnd < text.length() && text.charAt(terminatorEnd) == '\r') {
                terminatorEnd++;
            }
            if (terminatorEnd < text.length() && text.charAt(terminatorEnd) == '\n') {
                terminatorEnd++;
            }
            String line = text.substring(start, end);
            out.append(!first && looksLikeKeyMaterial(line) ? mask : line);
            out.append(text, end, terminatorEnd);
            first = false;
            start = terminatorEnd;
        }
        return out.toString();
    }

    private static boolean looksLikeKeyMaterial(String line) {
        String t = line.trim();
        if (t.isEmpty()) {
            return false;
        }
        if (t.matches("[A-Za-z-]+: .*")) {
            return true;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=';
            if (!base64) {
                return false;
            }
        }
        return t.length() >= 16;
    }
}
