package dev.logredact.config;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collector request headers, checked as HTTP requires while they are read. Problems name the place
 * ({@code pair 2}, {@code line 3}), never the text: a header name may be a mistyped token.
 */
final class HeaderSet {
    /** Case-insensitive, as HTTP header names are. */
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> places = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /**
     * {@code Name=value} pairs, comma separated; a value may contain {@code =} but not a comma (the
     * headers file takes any value).
     */
    static Map<String, String> parsePairs(String text) throws InvalidValueException {
        return parsePairs(text, false);
    }

    /**
     * As {@link #parsePairs(String)}, with each value percent-decoded as UTF-8, as the OTLP exporter's
     * {@code OTEL_EXPORTER_OTLP_HEADERS} takes them (W3C Baggage values: {@code %20} is a space, while
     * {@code +} stays a plus, as base64 credentials need).
     */
    static Map<String, String> parsePercentEncodedPairs(String text) throws InvalidValueException {
        return parsePairs(text, true);
    }

    private static Map<String, String> parsePairs(String text, boolean percentEncoded) throws InvalidValueException {
        HeaderSet set = new HeaderSet();
        String[] pairs = text.split(",");
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i].trim();
            if (pair.isEmpty()) {
                continue;
            }
            String place = "pair " + (i + 1);
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new InvalidValueException(place + " has no '=' between name and value");
            }
            String value = pair.substring(eq + 1);
            set.add(pair.substring(0, eq), percentEncoded ? percentDecoded(value.trim(), place) : value, place);
        }
        return set.toMap();
    }

    private static String percentDecoded(String value, String place) throws InvalidValueException {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(value.charAt(i + 2), 16);
                if (low < 0) {
                    throw new InvalidValueException(place + ": the value has a '%' that is not followed by two hex digits");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                int end = i + Character.charCount(value.codePointAt(i));
                byte[] encoded = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i = end - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidValueException(place + ": the percent-decoded value is not UTF-8");
        }
    }

    void add(String name, String value, String place) throws InvalidValueException {
        String n = name.trim();
        if (!isToken(n)) {
            throw new InvalidValueException(place + ": the header name is empty or has characters HTTP does not allow");
        }
        String v = value.trim();
        if (!isFieldValue(v)) {
            throw new InvalidValueException(place + ": the header value has control characters");
        }
        String earlier = places.put(n, place);
        if (earlier != null) {
            throw new InvalidValueException(place + " sets the same header as " + earlier);
        }
        headers.put(n, v);
    }

    Map<String, String> toMap() throws InvalidValueException {
        if (headers.isEmpty()) {
            throw new InvalidValueException("sets no headers");
        }
        return Collections.unmodifiableMap(headers);
    }

    /** RFC 9110 token: visible ASCII except separators. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** No control characters but tab: a CR or LF would split the request. */
    private static boolean isFieldValue(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
