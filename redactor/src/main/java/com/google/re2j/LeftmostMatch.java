package com.google.re2j;

/**
 * A pattern's leftmost match, found as RE2 finds it rather than by re2j's search alone: a DFA over the
 * reversed pattern, reading the text backwards, finds where the leftmost match starts, and re2j's NFA
 * then runs anchored there. The result is exactly what {@link Matcher#find(int)} reports.
 *
 * <p>re2j's unanchored search starts a thread at every position and pays per live thread. gitleaks'
 * semi-generic rules open with {@code [\w.-]{0,50}?}, which keeps up to fifty threads alive through
 * ordinary text, so the search before a match cost 30-50 µs on a short log line and milliseconds on a
 * long one. Anchored at the match's start, the NFA walks only the match, with one thread to begin.
 *
 * <p>It lives in re2j's package to reverse the parsed form ({@link Regexp}) and to run the NFA anchored
 * at a position inside the text ({@link Machine}), which re2j's public API cannot.
 */
public final class LeftmostMatch {
    /** What {@link #find} answers when it cannot tell; the caller then searches with re2j. */
    public static final int UNKNOWN = MatchProbe.GAVE_UP;

    private final Pattern pattern;
    /** The pattern after any one character, for a match anchored after the text's start (see {@link #endOfMatchAt}). */
    private final Pattern afterOne;
    private final MatchProbe starts;

    private LeftmostMatch(Pattern pattern, Pattern afterOne, MatchProbe starts) {
        this.pattern = pattern;
        this.afterOne = afterOne;
        this.starts = starts;
    }

    /**
     * For {@code pattern}, or null when its reversal is too large for a DFA, when it can match the empty
     * string, or when it is compiled with flags or holds a {@code \Q} quote (which would swallow the
     * group this wraps it in).
     */
    public static LeftmostMatch forPattern(Pattern pattern) {
        String regex = pattern.pattern();
        if (pattern.flags() != 0 || regex.contains("\\Q")) {
            return null;
        }
        MatchProbe starts = MatchProbe.forReversed(reversed(Parser.parse(regex, RE2.PERL)));
        return starts == null ? null : new LeftmostMatch(pattern, Pattern.compile("(?s:.)(?:" + regex + ")"), starts);
    }

    /**
     * The leftmost match that starts at or after {@code from}, as {@code pattern.matcher(text).find(from)}
     * finds it: returns its start and puts its end in {@code end[0]}; -1 when there is none;
     * {@link #UNKNOWN} when the DFA gave up (its states kept overflowing).
     */
    public int find(CharSequence text, int from, int[] end) {
        int start = starts.leftmostStart(text, from);
        if (start < 0) {
            return start;
        }
        int matchEnd = endOfMatchAt(text, start);
        if (matchEnd < 0) {
            // Only a fault in the reversal could bring this; re2j's own search then decides.
            return UNKNOWN;
        }
        end[0] = matchEnd;
        return start;
    }

    /**
     * The end of the match re2j prefers among those starting at {@code start}; -1 when none does.
     * re2j's NFA anchors only at its input's first position, and judges assertions there as at the
     * text's start. So past the text's start, {@link #afterOne} is anchored one character earlier: that
     * character is consumed, and the pattern's own first position is judged by the characters around it.
     */
    private int endOfMatchAt(CharSequence text, int start) {
        if (start == 0) {
            return anchoredEnd(pattern, text, 0);
        }
        if (Character.isHighSurrogate(text.charAt(start - 1)) && Character.isLowSurrogate(text.charAt(start))) {
            // A search from inside a pair starts with its second half alone; one character earlier is the pair.
            return -1;
        }
        int before = start >= 2 && Character.isLowSurrogate(text.charAt(start - 1))
                && Character.isHighSurrogate(text.charAt(start - 2)) ? start - 2 : start - 1;
        return anchoredEnd(afterOne, text, before);
    }

    private static int anchoredEnd(Pattern anchored, CharSequence text, int at) {
        RE2 re2 = anchored.re2();
        // Borrowed from and returned to re2j's own pool, as its searches do.
        Machine machine = re2.get();
        boolean isNew = false;
        if (machine == null) {
            machine = new Machine(re2);
            isNew = true;
        } else if (machine.next != null) {
            machine = new Machine(machine);
            isNew = true;
        }
        try {
            machine.init(2);
            if (!machine.match(MachineInput.fromUTF16(text, at, text.length()), 0, RE2.ANCHOR_START)) {
                return -1;
            }
            return at + machine.submatches()[1];
        } finally {
            re2.put(machine, isNew);
        }
    }

    /**
     * The pattern that matches each match of {@code re} written backwards: concatenations and literals
     * reversed, and the assertions about what comes before a position exchanged with those about what
     * comes after ({@code ^} with {@code $}); a word boundary is the same both ways.
     */
    static Regexp reversed(Regexp re) {
        Regexp r = new Regexp(re);
        switch (re.op) {
            case LITERAL:
                r.runes = new int[re.runes.length];
                for (int i = 0; i < re.runes.length; i++) {
                    r.runes[i] = re.runes[re.runes.length - 1 - i];
                }
                return r;
            case BEGIN_LINE:
            case END_LINE:
            case BEGIN_TEXT:
            case END_TEXT:
                // What holds before a position of the text holds after it in the text reversed.
                r.op = re.op == Regexp.Op.BEGIN_LINE ? Regexp.Op.END_LINE
                        : re.op == Regexp.Op.END_LINE ? Regexp.Op.BEGIN_LINE
                        : re.op == Regexp.Op.BEGIN_TEXT ? Regexp.Op.END_TEXT : Regexp.Op.BEGIN_TEXT;
                return r;
            case CONCAT:
            case ALTERNATE:
            case CAPTURE:
            case STAR:
            case PLUS:
            case QUEST:
            case REPEAT:
                r.subs = new Regexp[re.subs.length];
                for (int i = 0; i < re.subs.length; i++) {
                    Regexp sub = reversed(re.subs[i]);
                    r.subs[re.op == Regexp.Op.CONCAT ? re.subs.length - 1 - i : i] = sub;
                }
                return r;
            default:
                return r;
        }
    }
}
