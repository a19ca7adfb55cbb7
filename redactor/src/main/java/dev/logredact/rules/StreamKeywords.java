package dev.logredact.rules;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The keywords of the rules that run on text, as the keyword automaton looks for them: lower-cased, in
 * UTF-8. For the default rules the build stores them apart from the rules ({@link DefaultRulesBinary}),
 * so that a JVM that exits while its engine is still being built can check a few held lines against
 * them without reading the rules.
 */
public final class StreamKeywords {
    private StreamKeywords() {
    }

    /** A keyword as the automaton looks for it. */
    public static byte[] encode(String keyword) {
        return lowerCase(keyword).getBytes(StandardCharsets.UTF_8);
    }

    public static String lowerCase(String keyword) {
        return keyword.toLowerCase(Locale.ROOT);
    }

    /**
     * Every non-empty keyword of the rules with a regex (the automaton skips empty ones: they never hit);
     * null when one of those rules lists none, since it then runs on every line.
     */
    public static byte[][] of(RuleSet rules) {
        List<byte[]> keywords = new ArrayList<>();
        for (Rule r : rules.rules()) {
            if (!r.hasRegex()) {
                continue;
            }
            if (r.keywords().isEmpty()) {
                return null;
            }
            for (String keyword : r.keywords()) {
                if (!keyword.isEmpty()) {
                    keywords.add(encode(keyword));
                }
            }
        }
        return keywords.toArray(new byte[0][]);
    }

    /** Stored form: each keyword's length in two bytes, then its bytes. */
    static byte[] write(byte[][] keywords) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] k : keywords) {
            if (k.length > 0xffff) {
                throw new IllegalArgumentException("a keyword of " + k.length + " bytes");
            }
            out.write(k.length >> 8);
            out.write(k.length);
            out.write(k, 0, k.length);
        }
        return out.toByteArray();
    }

    static byte[][] read(byte[] stored) {
        List<byte[]> keywords = new ArrayList<>();
        for (int at = 0; at < stored.length; ) {
            int length = (stored[at] & 0xff) << 8 | stored[at + 1] & 0xff;
            byte[] k = new byte[length];
            System.arraycopy(stored, at + 2, k, 0, length);
            keywords.add(k);
            at += 2 + length;
        }
        return keywords.toArray(new byte[0][]);
    }
}
