package dev.logredact.match;

import com.google.re2j.MatchProbe;
import dev.logredact.rules.Rule;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Tells keyword hits that no match can contain from those a match may. Keywords are found in any case,
 * but many rules require their keyword inside a literal spelled one way (twilio's
 * {@code SK[0-9a-fA-F]{32}} for the keyword {@code sk}, {@code ghp_[0-9a-zA-Z]{36}}): every match holds
 * that literal, and so a hit of the keyword at it. A hit whose bytes around it are not that literal is
 * no reason to send a line to the rules; surefire's {@code [sku=...]} pattern made twilio's keyword hit
 * on nearly every line of a test report.
 *
 * <p>A rule's literal is found ({@link MatchProbe#requiredLiteral(String)}) at its keyword's first hit,
 * not when the scanner is built. Thread-safe: literals are computed at most a few times and never change.
 */
final class KeywordLiterals {
    private static final byte[] NONE = new byte[0];

    private final Rule[] rules;
    private final byte[][] keywords;
    private final int[][] rulesOfKeyword;
    /** Per keyword: whether every rule listing it may require it in a literal; only those keywords are checked. */
    private final boolean[] checked;
    /** Per rule, built on first need: the literal every match contains (ASCII), or {@link #NONE}. */
    private final AtomicReferenceArray<byte[]> literals;

    KeywordLiterals(Rule[] rules, List<String> keywords, int[][] rulesOfKeyword) {
        this.rules = rules;
        this.keywords = new byte[keywords.size()][];
        this.rulesOfKeyword = rulesOfKeyword;
        this.checked = new boolean[keywords.size()];
        this.literals = new AtomicReferenceArray<>(rules.length);
        for (int k = 0; k < keywords.size(); k++) {
            String keyword = keywords.get(k).toLowerCase(Locale.ROOT);
            this.keywords[k] = keyword.getBytes(StandardCharsets.UTF_8);
            checked[k] = isAscii(keyword) && mayRequire(keyword, rulesOfKeyword[k]);
        }
    }

    /**
     * A cheap look at the regexes' text, so that start-up parses none: a literal can hold the keyword
     * only where the regex's text does, and a pattern that starts case-insensitive has no literal.
     */
    private boolean mayRequire(String keyword, int[] owners) {
        for (int r : owners) {
            String source = rules[r].regexSource();
            if (source.startsWith("(?i)") || !source.toLowerCase(Locale.ROOT).contains(keyword)) {
                return false;
            }
        }
        return owners.length > 0;
    }

    /** Whether hits of the keyword are worth checking at all; for the others {@link #confirms} is always true. */
    boolean checked(int keyword) {
        return checked[keyword];
    }

    /**
     * False when no match of any rule listing the keyword can contain the hit that ends before
     * {@code p[end]}: for each rule, the bytes around the hit are not its literal, or the literal would
     * begin before {@code lineStart}. True when some rule has no such literal, or the literal would
     * reach past {@code available}, where the bytes are not known yet.
     */
    boolean confirms(int keyword, byte[] p, int end, int lineStart, int available) {
        if (!checked[keyword]) {
            return true;
        }
        byte[] k = keywords[keyword];
        for (int r : rulesOfKeyword[keyword]) {
            byte[] literal = literal(r);
            boolean holdsKeyword = false;
            for (int o = 0; o + k.length <= literal.length; o++) {
                if (!equalsIgnoreCase(literal, o, k)) {
                    continue;
                }
                holdsKeyword = true;
                int from = end - k.length - o;
                if (from < lineStart) {
                    continue;
                }
                if (from + literal.length > available || equals(p, from, literal)) {
                    return true;
                }
            }
            if (!holdsKeyword) {
                return true;
            }
        }
        return false;
    }

    private byte[] literal(int rule) {
        byte[] literal = literals.get(rule);
        if (literal == null) {
            String found;
            try {
                found = MatchProbe.requiredLiteral(rules[rule].regexSource());
            } catch (RuntimeException e) {
                // The rule's own compile reports a bad pattern; here it only means no shortcut.
                found = null;
            }
            literal = found != null && isAscii(found) ? found.getBytes(StandardCharsets.US_ASCII) : NONE;
            literals.lazySet(rule, literal);
        }
        return literal;
    }

    private static boolean equalsIgnoreCase(byte[] literal, int at, byte[] lowerKeyword) {
        for (int i = 0; i < lowerKeyword.length; i++) {
            int c = literal[at + i];
            if ((c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) != lowerKeyword[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean equals(byte[] p, int from, byte[] literal) {
        for (int i = 0; i < literal.length; i++) {
            if (p[from + i] != literal[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
