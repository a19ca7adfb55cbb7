package dev.logredact.match;

import com.google.re2j.MatchProbe;
import dev.logredact.rules.Rule;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

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
    private final Rule[] rules;
    private final byte[][] keywords;
    private final int[][] rulesOfKeyword;
    /**
     * Per keyword: whether every rule listing it may require it in a literal (only those keywords are
     * checked), decided on its first hit: {@link #UNKNOWN}, {@link #CHECKED} or {@link #COUNTS}. Deciding
     * all of them up front reads every regex, interpreted, while the JVM starts (2 ms); a lost race only
     * decides one twice, alike.
     */
    private final byte[] checked;
    private static final byte UNKNOWN = 0;
    private static final byte CHECKED = 1;
    private static final byte COUNTS = 2;
    /**
     * Per keyword, made on its first checked hit. A plain array: a {@link Check} is immutable with final
     * fields, so a thread that reads one another made sees it whole, and a lost race only costs a rebuild.
     */
    private final Check[] checks;

    KeywordLiterals(Rule[] rules, KeywordAutomaton automaton, int[][] rulesOfKeyword) {
        this.rules = rules;
        this.keywords = new byte[automaton.keywordCount()][];
        this.rulesOfKeyword = rulesOfKeyword;
        this.checked = new byte[keywords.length];
        this.checks = new Check[keywords.length];
        for (int k = 0; k < keywords.length; k++) {
            keywords[k] = automaton.encoded(k);
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

    /** Whether hits of the keyword are worth checking at all; for the others every hit counts. */
    boolean checked(int keyword) {
        byte c = checked[keyword];
        if (c == UNKNOWN) {
            String k = new String(keywords[keyword], StandardCharsets.UTF_8);
            c = isAscii(k) && mayRequire(k, rulesOfKeyword[keyword]) ? CHECKED : COUNTS;
            checked[keyword] = c;
        }
        return c == CHECKED;
    }

    /**
     * For a keyword that {@link #checked}: false when no match of any rule listing it can contain the
     * hit that ends before {@code p[end]}, that is, for each rule the bytes around the hit are not its
     * literal, or the literal would begin before {@code lineStart}. True when some rule has no literal
     * that holds the keyword, or the literal would reach past {@code available}, where the bytes are not
     * known yet.
     */
    boolean confirms(int keyword, byte[] p, int end, int lineStart, int available) {
        Check check = checks[keyword];
        if (check == null) {
            check = check(keyword);
            checks[keyword] = check;
        }
        if (check.always) {
            return true;
        }
        int start = end - keywords[keyword].length;
        for (int r = 0; r < check.literals.length; r++) {
            byte[] literal = check.literals[r];
            for (int offset : check.offsets[r]) {
                int from = start - offset;
                if (from >= lineStart && (from + literal.length > available || equals(p, from, literal))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Each listing rule's literal, parsed from its regex, and where the keyword stands in it (in any case). */
    private Check check(int keyword) {
        byte[] k = keywords[keyword];
        int[] owners = rulesOfKeyword[keyword];
        byte[][] literals = new byte[owners.length][];
        int[][] offsets = new int[owners.length][];
        for (int i = 0; i < owners.length; i++) {
            String found;
            try {
                found = MatchProbe.requiredLiteral(rules[owners[i]].regexSource());
            } catch (RuntimeException e) {
                // The rule's own compile reports a bad pattern; here it only means no shortcut.
                found = null;
            }
            if (found == null || !isAscii(found)) {
                return Check.ALWAYS;
            }
            literals[i] = found.getBytes(StandardCharsets.US_ASCII);
            byte[] lower = found.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            int[] at = new int[lower.length];
            int n = 0;
            for (int o = 0; o + k.length <= lower.length; o++) {
                if (equals(lower, o, k)) {
                    at[n++] = o;
                }
            }
            if (n == 0) {
                return Check.ALWAYS;
            }
            offsets[i] = Arrays.copyOf(at, n);
        }
        return new Check(literals, offsets, false);
    }

    /** Per rule listing a keyword, its literal and the keyword's offsets in it; or every hit counts. */
    private static final class Check {
        static final Check ALWAYS = new Check(new byte[0][], new int[0][], true);

        final byte[][] literals;
        final int[][] offsets;
        final boolean always;

        Check(byte[][] literals, int[][] offsets, boolean always) {
            this.literals = literals;
            this.offsets = offsets;
            this.always = always;
        }
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
