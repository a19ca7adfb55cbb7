package dev.logredact.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What marks a private key block: lines from a {@code -----BEGIN … PRIVATE KEY-----} line to its END
 * line are held and masked as one text. Bounded: a block that does not end in time is masked line by
 * line wherever a line looks like key material, so a key never leaks because its END line went missing.
 */
final class PrivateKeyBlock {
    private PrivateKeyBlock() {
    }

    static final int MAX_LINES = 200;
    static final int MAX_CHARS = 64 * 1024;

    /** True for a line that begins a private key block that does not also end on that line. */
    static boolean opens(String line) {
        int begin = armour(line, "BEGIN", 0);
        if (begin < 0) {
            return false;
        }
        String upper = line.toUpperCase(Locale.ROOT);
        return upper.indexOf("PRIVATE KEY", begin) > 0 && armour(line, "END", begin) < 0;
    }

    /**
     * False when the bytes cannot hold a line that {@link #opens}: they have no {@code BEGIN}. A line
     * scanner asks it of many lines, so it reads one byte in five where it can (Horspool's skip: a byte
     * that is no letter of {@code BEGIN} cannot be inside one).
     */
    static boolean mayOpen(byte[] bytes, int from, int to) {
        for (int i = from; i + 5 <= to; ) {
            byte last = bytes[i + 4];
            if (last == 'N' && bytes[i] == 'B' && bytes[i + 1] == 'E' && bytes[i + 2] == 'G' && bytes[i + 3] == 'I') {
                return true;
            }
            i += last == 'B' ? 4 : last == 'E' ? 3 : last == 'G' ? 2 : last == 'I' ? 1 : 5;
        }
        return false;
    }

    static boolean closes(String line) {
        return armour(line, "END", 0) >= 0 && line.toUpperCase(Locale.ROOT).contains("PRIVATE KEY");
    }

    /**
     * Where {@code word} stands as an armour line's BEGIN or END: after {@code -----} as in PEM, or after
     * {@code ---- } as in RFC 4716 ({@code ---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----}); -1 if nowhere.
     */
    private static int armour(String line, String word, int from) {
        for (int i = line.indexOf(word, from); i >= 0; i = line.indexOf(word, i + 1)) {
            int dashes = i;
            if (dashes > 0 && line.charAt(dashes - 1) == ' ') {
                dashes--;
            }
            if (dashes >= 4 && line.startsWith("----", dashes - 4)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The [start, end) character ranges of the lines after the BEGIN line that look like key material
     * (base64, or a PEM header such as {@code Proc-Type:}): what is masked when a block never ended, so
     * the rules could not see it whole.
     */
    static List<int[]> keyMaterialLines(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        boolean first = true;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            if (!first && looksLikeKeyMaterial(text.substring(start, end))) {
                int from = start;
                while (Character.isWhitespace(text.charAt(from))) {
                    from++;
                }
                int to = end;
                while (Character.isWhitespace(text.charAt(to - 1))) {
                    to--;
                }
                out.add(new int[] {from, to});
            }
            first = false;
            start = end;
            while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
                start++;
            }
        }
        return out;
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
