package dev.logredact.secrets;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * JSON string escapes (also Java's, and Go's {@code %q} for printable text). Serializers differ in four
 * independent choices, so every combination is produced and the caller drops duplicates: whether
 * {@code /} becomes {@code \/} (PHP, some Java encoders); whether non-ASCII becomes {@code \}{@code uXXXX}
 * (Python's json.dumps by default, Jackson's ESCAPE_NON_ASCII); whether HTML-sensitive characters
 * {@code < > & = '} are escaped (Gson by default: Buildkite found {@code &} becoming {@code \}{@code u0026}
 * defeated its redaction); and the hex case of {@code \}{@code u} escapes (lower in Gson and Python, upper
 * in Jackson).
 */
final class JsonForms {
    static final int ESCAPE_SLASH = 1;
    static final int ESCAPE_NON_ASCII = 2;
    static final int HTML_SAFE = 4;
    static final int UPPER_HEX = 8;
    static final int ALL_CHOICES = 16;

    private JsonForms() {
    }

    /** What some choice escapes: quotes, backslashes, controls, the slash, HTML's five, and non-ASCII. */
    private static final boolean[] SPECIAL = Specials.ascii("\"\\/<>&='", true);

    static Set<String> of(String value) {
        int[] at = Specials.in(value, SPECIAL, true);
        if (at.length == 0) {
            return Collections.singleton(value);
        }
        Set<String> forms = new LinkedHashSet<>();
        int differ = choicesThatDiffer(value, at);
        for (int choices = 0; choices < ALL_CHOICES; choices++) {
            // With a choice that changes nothing here, the text is the one made without it, earlier.
            if ((choices & ~differ) == 0) {
                forms.add(escape(value, at, choices));
            }
        }
        return forms;
    }

    /** The choices that can change how {@code value} is escaped: those about characters it holds. */
    private static int choicesThatDiffer(String value, int[] at) {
        int differ = 0;
        for (int i : at) {
            char c = value.charAt(i);
            if (c == '/') {
                differ |= ESCAPE_SLASH;
            } else if (c >= 0x80) {
                differ |= ESCAPE_NON_ASCII | UPPER_HEX;
            } else if (c == '<' || c == '>' || c == '&' || c == '=' || c == '\'') {
                differ |= HTML_SAFE | UPPER_HEX;
            } else if (c < 0x20) {
                differ |= UPPER_HEX;
            }
        }
        return differ;
    }

    /** {@code value} escaped under {@code choices}; {@code at} lists its special characters ({@link Specials}). */
    private static String escape(String value, int[] at, int choices) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        int copied = 0;
        for (int i : at) {
            sb.append(value, copied, i);
            copied = i + 1;
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                case '/':
                    sb.append((choices & ESCAPE_SLASH) != 0 ? "\\/" : "/");
                    break;
                case '<':
                case '>':
                case '&':
                case '=':
                case '\'':
                    if ((choices & HTML_SAFE) != 0) {
                        unicodeEscape(sb, c, choices);
                    } else {
                        sb.append(c);
                    }
                    break;
                default:
                    if (c < 0x20 || (c >= 0x80 && (choices & ESCAPE_NON_ASCII) != 0)) {
                        unicodeEscape(sb, c, choices);
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append(value, copied, value.length()).toString();
    }

    private static void unicodeEscape(StringBuilder sb, char c, int choices) {
        String hex = (choices & UPPER_HEX) != 0 ? "0123456789ABCDEF" : "0123456789abcdef";
        sb.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            sb.append(hex.charAt((c >> shift) & 0xf));
        }
    }
}
