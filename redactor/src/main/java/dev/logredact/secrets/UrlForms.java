package dev.logredact.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Percent-encoded forms (UTF-8). Encoders disagree on which punctuation they leave alone, on hex case and
 * on the space, and a secret with {@code !} or {@code /} (common in passwords and base64 keys) differs
 * accordingly; every combination is produced and the caller drops duplicates.
 */
final class UrlForms {
    /** Characters left as they are, besides ASCII letters and digits. */
    static final String[] UNENCODED = {
        "-._~",      // RFC 3986 unreserved: .NET EscapeDataString, Go QueryEscape, curl, Python quote(safe='')
        "-._*",      // Java URLEncoder
        "-._~!*'()", // JavaScript encodeURIComponent
        "-._~/",     // Python urllib.parse.quote with its default safe='/'
    };
    static final String UPPER_HEX = "0123456789ABCDEF";
    static final String LOWER_HEX = "0123456789abcdef";

    private UrlForms() {
    }

    /** Bytes some encoder writes otherwise: all but ASCII letters, digits and {@code - . _}, which none encodes. */
    private static final boolean[] SPECIAL = special();

    static Set<String> of(String value) {
        // One character per byte of the UTF-8 encoding, so that runs of bytes are copied as text.
        String bytes = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        int[] at = Specials.in(bytes, SPECIAL, true);
        if (at.length == 0) {
            return Collections.singleton(value);
        }
        // A choice that changes nothing in this value would only repeat a text made just before it.
        String[] hexes = escapesSome(bytes, at) ? new String[] {UPPER_HEX, LOWER_HEX} : new String[] {UPPER_HEX};
        // Form encoding (Java URLEncoder, Go QueryEscape) writes a space as '+', paths as %20.
        String[] spaces = value.indexOf(' ') >= 0 ? new String[] {"%20", "+"} : new String[] {"%20"};
        Set<String> forms = new LinkedHashSet<>();
        Set<String> behaviours = new HashSet<>();
        for (String unencoded : UNENCODED) {
            if (!behaviours.add(leftAloneIn(value, unencoded))) {
                continue;
            }
            for (String hex : hexes) {
                for (String space : spaces) {
                    forms.add(encode(bytes, at, unencoded, hex, space));
                }
            }
        }
        return forms;
    }

    private static boolean[] special() {
        boolean[] table = new boolean[128];
        for (int c = 0; c < 128; c++) {
            table[c] = !Character.isLetterOrDigit(c) && c != '-' && c != '.' && c != '_';
        }
        return table;
    }

    /** Whether some encoder writes a byte of the value as {@code %XX}, where the hex case shows. */
    private static boolean escapesSome(String bytes, int[] at) {
        for (int i : at) {
            if (bytes.charAt(i) != ' ') {
                return true;
            }
        }
        return false;
    }

    /**
     * Which of the characters an encoder leaves alone the value holds, sorted. Encoders that agree on
     * this encode the value alike (for a private key's base64 they differ only by {@code /}), so only
     * the first of them is run.
     */
    private static String leftAloneIn(String value, String unencoded) {
        char[] chars = unencoded.toCharArray();
        Arrays.sort(chars);
        StringBuilder sb = new StringBuilder();
        for (char c : chars) {
            if (value.indexOf(c) >= 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code bytes}, one character per byte, encoded so; {@code at} lists its special bytes ({@link Specials}). */
    private static String encode(String bytes, int[] at, String unencoded, String hex, String space) {
        StringBuilder sb = new StringBuilder(bytes.length() + 2 * at.length + 8);
        int copied = 0;
        for (int i : at) {
            sb.append(bytes, copied, i);
            copied = i + 1;
            int c = bytes.charAt(i);
            if (c == ' ') {
                sb.append(space);
            } else if (c < 0x80 && unencoded.indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(hex.charAt(c >> 4)).append(hex.charAt(c & 0xf));
            }
        }
        return sb.append(bytes, copied, bytes.length()).toString();
    }
}
