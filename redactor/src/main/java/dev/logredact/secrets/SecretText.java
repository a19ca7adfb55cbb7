package dev.logredact.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * The whitespace rules every part of this package must agree on: what trimming removes, how long a
 * value is, and where its lines break. If trimming and the refusal check disagreed, a value could pass
 * the check and still end up empty.
 */
final class SecretText {
    private SecretText() {
    }

    /** Control characters count as space too: a stray CR or NUL at either end is never part of a secret. */
    static boolean isSpace(int codePoint) {
        return codePoint <= ' ' || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** Length in characters as a person counts them, so {@code é} or an emoji counts once. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    static boolean isMultiline(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    /**
     * Lines split at CRLF, LF or a lone CR, each trimmed, blank ones dropped. By hand, not by a regex:
     * each private key a run learns is split twice, and a regex compiled per call made java.util.regex
     * hot enough to be compiled by C2.
     */
    static List<String> lines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                String trimmed = trim(s.substring(start, i));
                if (!trimmed.isEmpty()) {
                    lines.add(trimmed);
                }
                // The LF of a CRLF ends an empty line, dropped as blank.
                start = i + 1;
            }
        }
        return lines;
    }

    /**
     * The value as output re-wrapped by another tool shows it: lines trimmed and joined by one LF. The
     * matcher lets any whitespace run in the text match that LF.
     */
    static String joinedLines(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (String line : lines(s)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line);
        }
        return sb.toString();
    }
}
