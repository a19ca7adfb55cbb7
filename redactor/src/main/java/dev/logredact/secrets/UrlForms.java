package dev.logredact.secrets;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Percent-encoded forms (UTF-8). Encoders disagree on which punctuation they leave alone, on hex case and
 * on the space, and a secret with {@code !} or {@code /} (common in passwords and base64 keys) differs
 * accordingly; every combination is produced and the caller drops duplicates.
 */
final class UrlForms {
    /** Characters left as they are, besides ASCII letters and digits. */
    private static final String[] UNENCODED = {
        "-._~",      // RFC 3986 unreserved: .NET EscapeDataString, Go QueryEscape, curl, Python quote(safe='')
        "-._*",      // Java URLEncoder
        "-._~!*'()", // JavaScript encodeURIComponent
        "-._~/",     // Python urllib.parse.quote with its default safe='/'
    };
    private static final String UPPER_HEX = "0123456789ABCDEF";
    private static final String LOWER_HEX = "0123456789abcdef";

    private UrlForms() {
    }

    static Set<String> of(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Set<String> forms = new LinkedHashSet<>();
        for (String unencoded : UNENCODED) {
            for (String hex : new String[] {UPPER_HEX, LOWER_HEX}) {
                // Form encoding (Java URLEncoder, Go QueryEscape) writes a space as '+', paths as %20.
                for (String space : new String[] {"%20", "+"}) {
                    forms.add(encode(bytes, unencoded, hex, space));
                }
            }
        }
        return forms;
    }

    private static String encode(byte[] bytes, String unencoded, String hex, String space) {
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == ' ') {
                sb.append(space);
            } else if (c < 0x80 && (Character.isLetterOrDigit(c) || unencoded.indexOf(c) >= 0)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(hex.charAt(c >> 4)).append(hex.charAt(c & 0xf));
            }
        }
        return sb.toString();
    }
}
