package com.google.re2j;

import java.util.Arrays;

/**
 * Where a search for a pattern's leftmost match may begin, for a pattern that opens with a bounded part
 * that can match the empty string, as gitleaks' {@code (?i)[\w.-]{0,50}?(?:key|token|…)…} rules do.
 *
 * <p>re2j's NFA pays per position and per live thread. Such an opening keeps up to fifty threads alive
 * at every position of ordinary text, so a search that starts far before its match (a 2,600-character
 * command line where the first keyword hit is near the start and the match near the end) costs
 * milliseconds. The rest of the pattern, searched alone, keeps almost no thread alive until a keyword
 * appears: it finds where the leftmost match of the rest begins, {@code u}, at a fraction of the cost.
 * Every match of the whole pattern is an opening of at most {@code w} characters followed by a match of
 * the rest, and an empty opening is one, so the leftmost match of the whole starts in
 * {@code [u - w, u]}: a search from {@code u - w} finds exactly what a search from the original start
 * finds, and walks {@code w} characters before its match instead of all of them.
 *
 * <p>It lives in re2j's package to read the parsed form ({@link Regexp}), as {@link MatchProbe} does. The
 * rest is compiled from its printed form, and used only when that reads back as the same expression.
 */
public final class MatchStart {
    private final Pattern rest;
    /** The most UTF-16 characters the opening can match. */
    private final int openingWidth;

    private MatchStart(Pattern rest, int openingWidth) {
        this.rest = rest;
        this.openingWidth = openingWidth;
    }

    /**
     * For {@code regex} (re2j syntax, compiled as {@link Pattern#compile(String)} compiles it), or null
     * when it does not open with a bounded part that can match the empty string, when all of it can, or
     * when its rest cannot be compiled alone faithfully.
     */
    public static MatchStart forPattern(String regex) {
        Regexp re = Parser.parse(regex, RE2.PERL);
        while (re.op == Regexp.Op.CAPTURE) {
            re = re.subs[0];
        }
        if (re.op != Regexp.Op.CONCAT || MatchProbe.nullable(re)) {
            return null;
        }
        int opening = 0;
        int width = 0;
        while (MatchProbe.nullable(re.subs[opening])) {
            int w = maxWidth(re.subs[opening]);
            if (w < 0) {
                return null;
            }
            width += w;
            opening++;
        }
        if (opening == 0) {
            return null;
        }
        Regexp rest = re.subs[opening];
        if (opening + 1 < re.subs.length) {
            rest = new Regexp(re);
            rest.subs = Arrays.copyOfRange(re.subs, opening, re.subs.length);
        }
        String printed = rest.toString();
        try {
            if (!Parser.parse(printed, RE2.PERL).equals(rest)) {
                return null;
            }
            return new MatchStart(Pattern.compile(printed), width);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /**
     * Where to search {@code text} for the leftmost match that starts at or after {@code from}: a position
     * in {@code [from, to]} with no match starting between {@code from} and it, or -1 when no match starts
     * in {@code [from, to]}.
     */
    public int searchFrom(CharSequence text, int from, int to) {
        Matcher m = rest.matcher(text);
        if (!m.find(from)) {
            return -1;
        }
        int start = Math.max(from, m.start() - openingWidth);
        return start <= to ? start : -1;
    }

    /** The most UTF-16 characters {@code re} can match; -1 when there is no bound. */
    static int maxWidth(Regexp re) {
        if (MatchProbe.isEmptyWidth(re)) {
            return 0;
        }
        switch (re.op) {
            case LITERAL:
                int chars = 0;
                for (int rune : re.runes) {
                    // Folded case may take a rune of another length (k and the Kelvin sign).
                    chars += (re.flags & RE2.FOLD_CASE) != 0 ? 2 : Character.charCount(rune);
                }
                return chars;
            case CHAR_CLASS:
                return re.runes.length > 0 && re.runes[re.runes.length - 1] > 0xFFFF ? 2 : 1;
            case ANY_CHAR:
            case ANY_CHAR_NOT_NL:
                return 2;
            case CAPTURE:
            case QUEST:
                return maxWidth(re.subs[0]);
            case REPEAT:
                if (re.max == 0) {
                    return 0;
                }
                int sub = maxWidth(re.subs[0]);
                return re.max < 0 || sub < 0 ? -1 : sub * re.max;
            case CONCAT:
            case ALTERNATE:
                // A concatenation spans all its parts, an alternation its widest.
                int total = 0;
                for (Regexp s : re.subs) {
                    int w = maxWidth(s);
                    if (w < 0) {
                        return -1;
                    }
                    total = re.op == Regexp.Op.CONCAT ? total + w : Math.max(total, w);
                }
                return total;
            default:
                // STAR, PLUS and anything else: unbounded as far as this is concerned.
                return -1;
        }
    }
}
