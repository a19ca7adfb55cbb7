package dev.logredact.secrets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A strict parser for exactly one JSON document shape: an array of strings (RFC 8259). Anything else is
 * an error naming the file, line and column, because a lenient reading of a secrets file could silently
 * drop a secret or register a fragment of one.
 */
final class JsonStringArray {
    private final String text;
    private final String origin;
    private int pos;

    private JsonStringArray(String text, String origin) {
        this.text = text;
        this.origin = origin;
    }

    /** @param origin the file, for error messages */
    static List<String> parse(String text, String origin) throws IOException {
        return new JsonStringArray(text, origin).array();
    }

    private List<String> array() throws IOException {
        List<String> values = new ArrayList<>();
        skipSpace();
        expect('[');
        skipSpace();
        if (peek() == ']') {
            pos++;
        } else {
            while (true) {
                skipSpace();
                values.add(string());
                skipSpace();
                int c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == ']') {
                    pos++;
                    break;
                } else {
                    throw error("expected ',' or ']' but found " + describe(c));
                }
            }
        }
        skipSpace();
        if (pos < text.length()) {
            throw error("expected the end of the file after the array but found " + describe(peek()));
        }
        return values;
    }

    private String string() throws IOException {
        int c = peek();
        if (c != '"') {
            throw error("expected a string but found " + describe(c) + " (the file must be an array of strings only)");
        }
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("the string is not closed");
            }
            char ch = text.charAt(pos);
            if (ch == '"') {
                pos++;
                return sb.toString();
            }
            if (ch < 0x20) {
                throw error("a control character must be escaped inside a string");
            }
            if (ch == '\\') {
                escape(sb);
            } else {
                sb.append(ch);
                pos++;
            }
        }
    }

    private void escape(StringBuilder sb) throws IOException {
        int start = pos;
        pos++;
        if (pos >= text.length()) {
            throw error("the string is not closed");
        }
        char e = text.charAt(pos++);
        switch (e) {
            case '"':
            case '\\':
            case '/':
                sb.append(e);
                return;
            case 'b':
                sb.append('\b');
                return;
            case 'f':
                sb.append('\f');
                return;
            case 'n':
                sb.append('\n');
                return;
            case 'r':
                sb.append('\r');
                return;
            case 't':
                sb.append('\t');
                return;
            case 'u':
                char unit = hex4();
                if (Character.isHighSurrogate(unit)) {
                    // A lone surrogate cannot be encoded as UTF-8, so the secret could never appear in a log.
                    if (!text.startsWith("\\u", pos)) {
                        throw errorAt(start, "\\u" + hex(unit) + " starts a surrogate pair that is not completed");
                    }
                    pos += 2;
                    char low = hex4();
                    if (!Character.isLowSurrogate(low)) {
                        throw errorAt(start, "\\u" + hex(unit) + " starts a surrogate pair that is not completed");
                    }
                    sb.append(unit).append(low);
                } else if (Character.isLowSurrogate(unit)) {
                    throw errorAt(start, "\\u" + hex(unit) + " is the second half of a surrogate pair without the first");
                } else {
                    sb.append(unit);
                }
                return;
            default:
                throw errorAt(start, "invalid escape \\" + e);
        }
    }

    private char hex4() throws IOException {
        if (pos + 4 > text.length()) {
            throw error("\\u must be followed by four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
                throw error("\\u must be followed by four hex digits");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    private static String hex(char c) {
        return String.format(Locale.ROOT, "%04X", (int) c);
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private void expect(char c) throws IOException {
        if (peek() != c) {
            throw error("expected '" + c + "' but found " + describe(peek()));
        }
        pos++;
    }

    /** What was found, never quoting more than one punctuation character: the file holds secrets. */
    private static String describe(int c) {
        if (c < 0) {
            return "the end of the file";
        }
        if (c == '{') {
            return "an object";
        }
        if (c == '[') {
            return "an array";
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return "a number";
        }
        if (Character.isLetter(c)) {
            return "a bare word (true, false, null or text without double quotes)";
        }
        if (c > 0x20 && c < 0x7f) {
            return "'" + (char) c + "'";
        }
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    private IOException error(String message) {
        return errorAt(pos, message);
    }

    private IOException errorAt(int offset, String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new IOException(origin + ": line " + line + ", column " + column + ": " + message);
    }
}
