package com.google.re2j;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fast "does this pattern match anywhere in this part of the text?" test, as a lazily built DFA over
 * the program re2j compiles. logredact runs it before re2j's NFA so that the common case, a keyword
 * that occurs in a line with no secret around it, costs one table lookup per character instead of an
 * NFA simulation.
 *
 * <p>It lives in re2j's package because it reads re2j's parsed and compiled forms ({@link Regexp},
 * {@link Prog}, {@link Inst}), which are package-private. The shaded agent relocates it together with
 * re2j. It is tied to the re2j version the build pins; its tests compare it with re2j itself.
 *
 * <p>The answer is exact for matches that start and end within the given range: empty-width
 * assertions ({@code ^ $ \b \B}) are evaluated against the characters around each position, as
 * re2j evaluates them. Leading parts of the pattern that can match the empty string are dropped,
 * because a match of the whole pattern exists exactly when a match of the rest does; that keeps the
 * DFA small for gitleaks' typical {@code [\w.-]{0,50}?(?:keyword)…} rules. When the state cache keeps
 * overflowing, the probe gives up and answers "maybe", which is always safe.
 *
 * <p>Before the DFA, a text without the longest literal that every match contains (case-sensitive, as
 * in {@code SK[0-9a-fA-F]{32}}) is turned away by a substring search: a keyword is matched in any
 * case, so most of its hits (the {@code sk} in {@code [sku=...]}) lack the pattern's own literal.
 */
public final class MatchProbe {
    /** Programs larger than this are not worth a DFA; such patterns always answer "maybe". */
    private static final int MAX_INSTRUCTIONS = 4000;
    /** States kept per probe before the cache is thrown away and rebuilt, as RE2 does. */
    private static final int MAX_STATES = 2000;
    /** After this many rebuilds the DFA is clearly thrashing; the probe then answers "maybe". */
    private static final int MAX_RESETS = 50;

    /** What the character before a position is, as far as assertions care. */
    private static final int AT_START = 0;
    private static final int AFTER_NEWLINE = 1;
    private static final int AFTER_WORD = 2;
    private static final int AFTER_OTHER = 3;
    /** A representative character of each category, for {@link Utils#emptyOpContext}. */
    private static final int[] REPRESENTATIVE = {-1, '\n', 'a', ' '};

    private final Inst[] program;
    private final int start;
    /** ASCII character to equivalence class: characters that every instruction and assertion treats alike. */
    private final byte[] classOfAscii;
    private final int classCount;
    /** Per instruction, the ASCII characters it consumes as two 64-bit masks (low, high); 0 for others. */
    private final long[] asciiSets;
    private volatile Cache cache;
    private volatile int resets;
    /** Text that every match contains, exactly as written; null when there is none worth a search. */
    private final String required;
    /**
     * A probe over a reversed pattern ({@link #forReversed}) goes on past a match, to find where matches
     * end in the reversed text, that is where they start ({@link #leftmostStart}); a probe for
     * {@link #mayMatch} stops at the first.
     */
    private final boolean continuing;

    private MatchProbe(Prog prog, String required, boolean continuing) {
        this.required = required;
        this.continuing = continuing;
        this.program = Arrays.copyOf(prog.inst, prog.numInst());
        this.start = prog.start;
        this.classOfAscii = new byte[128];
        this.asciiSets = new long[2 * program.length];
        this.classCount = asciiClasses(program, classOfAscii, asciiSets);
        this.cache = new Cache(this);
    }

    /**
     * A probe for {@code regex} (re2j syntax, compiled as {@link Pattern#compile(String)} compiles it),
     * or null when the pattern is too large or can match the empty string, where a probe saves nothing.
     */
    public static MatchProbe forPattern(String regex) {
        Regexp re = withoutNullablePrefix(Parser.parse(regex, RE2.PERL));
        if (re == null) {
            return null;
        }
        Prog prog = Compiler.compileRegexp(Simplify.simplify(re));
        if (prog.numInst() > MAX_INSTRUCTIONS) {
            return null;
        }
        String literal = requiredLiteral(re);
        return new MatchProbe(prog, literal != null && literal.length() >= 2 ? literal : null, false);
    }

    /**
     * A probe for {@link #leftmostStart}, over {@code reversed}, a pattern's parse reversed
     * ({@link LeftmostMatch}); null when too large or when it can match the empty string. Its leading
     * parts that match nothing in every context are dropped too: a match of the rest ends exactly
     * where a match of the whole does.
     */
    static MatchProbe forReversed(Regexp reversed) {
        Regexp re = withoutNullablePrefix(reversed, true);
        if (re == null) {
            return null;
        }
        Prog prog = Compiler.compileRegexp(Simplify.simplify(re));
        return prog.numInst() > MAX_INSTRUCTIONS ? null : new MatchProbe(prog, null, true);
    }

    /**
     * The longest text that every match of {@code regex} contains, matched case-sensitively (as
     * {@link #requiredLiteral(Regexp)} finds it); null when there is none. Parses the pattern only.
     */
    public static String requiredLiteral(String regex) {
        Regexp re = withoutNullablePrefix(Parser.parse(regex, RE2.PERL));
        return re == null ? null : requiredLiteral(re);
    }

    /** False only when no match of the pattern starts and ends within {@code text[from, to)}. */
    public boolean mayMatch(CharSequence text, int from, int to) {
        if (required != null && !contains(text, from, to, required)) {
            return false;
        }
        if (resets > MAX_RESETS) {
            return true;
        }
        State s = cache.initial[from == 0 ? AT_START : category(text.charAt(from - 1))];
        for (int i = from; i < to; i++) {
            int r = text.charAt(i);
            // The hot loop follows cached transitions only, so that it compiles small.
            State next = r < 128 ? s.next[classOfAscii[r]] : null;
            if (next == null) {
                if (Character.isHighSurrogate((char) r) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                    r = Character.toCodePoint((char) r, text.charAt(++i));
                }
                next = advance(s, r);
            }
            if (next == null || next == MATCHED) {
                return true;
            }
            s = next;
        }
        // What follows the range decides $ and \b at its end; AT_START stands for "the text ends here".
        int after = to < text.length() ? category(Character.codePointAt(text, to)) : AT_START;
        return s.matchesBefore(after, this);
    }

    /** What {@link #leftmostStart} answers when the state cache kept overflowing. */
    static final int GAVE_UP = -2;

    /**
     * For a probe over a reversed pattern: the smallest position at or after {@code from} where a match
     * of the original pattern starts, ending anywhere in {@code text}; -1 when none does, or
     * {@link #GAVE_UP}. Reads the text backwards from its end, so that a match of the reversed pattern
     * ends where one of the original starts; assertions are judged by the characters around each
     * position as re2j judges them, with before and after exchanged as the reversal exchanged {@code ^}
     * and {@code $}.
     */
    int leftmostStart(CharSequence text, int from) {
        if (resets > MAX_RESETS) {
            return GAVE_UP;
        }
        int found = -1;
        State s = cache.initial[AT_START];
        for (int p = text.length(); ; ) {
            // Going backwards, the character before p is the one that comes next.
            if (s.matchesBefore(p > 0 ? category(text.charAt(p - 1)) : AT_START, this)) {
                found = p;
            }
            if (p <= from) {
                return found;
            }
            int r = text.charAt(--p);
            // A pair is one character to re2j, unless its first half lies before where the search starts.
            if (Character.isLowSurrogate((char) r) && p > from && Character.isHighSurrogate(text.charAt(p - 1))) {
                r = Character.toCodePoint(text.charAt(--p), (char) r);
            }
            State next = r < 128 ? s.next[classOfAscii[r]] : null;
            if (next == null) {
                next = advance(s, r);
                if (next == null) {
                    return GAVE_UP;
                }
            }
            s = next;
        }
    }

    private static boolean contains(CharSequence text, int from, int to, String literal) {
        if (text instanceof String) {
            int at = ((String) text).indexOf(literal, from);
            return at >= 0 && at + literal.length() <= to;
        }
        for (int i = from, last = to - literal.length(); i <= last; i++) {
            int j = 0;
            while (j < literal.length() && text.charAt(i + j) == literal.charAt(j)) {
                j++;
            }
            if (j == literal.length()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The longest run of literal text that every match of {@code re} contains, matched case-sensitively;
     * null when there is none. Only sure cases count: a concatenation's literal parts and what its
     * mandatory parts require; alternatives and optional parts require nothing here.
     */
    static String requiredLiteral(Regexp re) {
        switch (re.op) {
            case LITERAL:
                return (re.flags & RE2.FOLD_CASE) == 0 ? new String(re.runes, 0, re.runes.length) : null;
            case CAPTURE:
            case PLUS:
                return requiredLiteral(re.subs[0]);
            case REPEAT:
                return re.min >= 1 ? requiredLiteral(re.subs[0]) : null;
            case CONCAT:
                String best = null;
                StringBuilder run = new StringBuilder();
                for (Regexp sub : re.subs) {
                    if (isEmptyWidth(sub)) {
                        continue;
                    }
                    if (sub.op == Regexp.Op.LITERAL && (sub.flags & RE2.FOLD_CASE) == 0) {
                        run.append(new String(sub.runes, 0, sub.runes.length));
                        continue;
                    }
                    best = longer(best, run.toString());
                    run.setLength(0);
                    best = longer(best, requiredLiteral(sub));
                }
                return longer(best, run.toString());
            default:
                return null;
        }
    }

    /** Assertions match no text, so literals on both sides of one are still adjacent in every match. */
    private static boolean isEmptyWidth(Regexp re) {
        switch (re.op) {
            case BEGIN_LINE:
            case END_LINE:
            case BEGIN_TEXT:
            case END_TEXT:
            case WORD_BOUNDARY:
            case NO_WORD_BOUNDARY:
            case EMPTY_MATCH:
                return true;
            default:
                return false;
        }
    }

    private static String longer(String a, String b) {
        if (b == null || b.isEmpty()) {
            return a;
        }
        return a == null || b.length() > a.length() ? b : a;
    }

    private static int category(int r) {
        return r == '\n' ? AFTER_NEWLINE : Utils.isWordRune(r) ? AFTER_WORD : AFTER_OTHER;
    }

    /** The successor of {@code s} on {@code r}, made and remembered; null when the probe gives up. */
    private State advance(State s, int r) {
        Cache c = cache;
        State next = c.step(s, r);
        if (next == null) {
            c = rebuilt(c);
            next = c.step(c.stateFor(s.kernel, s.before), r);
        }
        if (r < 128) {
            s.next[classOfAscii[r]] = next;
        }
        return next;
    }

    private Cache rebuilt(Cache full) {
        synchronized (this) {
            if (cache == full) {
                resets++;
                cache = new Cache(this);
            }
            return cache;
        }
    }

    /** Whether a match ends at the position between the kernel's last character and {@code next}. */
    private boolean reachesMatch(int[] kernel, int before, int next) {
        return reach(kernel, Utils.emptyOpContext(REPRESENTATIVE[before], next), NO_RUNE, true) == null;
    }

    /** Marks a transition through a position where a match ends: the answer is known. */
    private static final State MATCHED = new State(new int[0], AT_START, 0);

    /**
     * A DFA state: the instructions reached by consuming the last character (not yet followed through
     * empty moves, whose assertions depend on the next character) and what that last character was.
     */
    private static final class State {
        final int[] kernel;
        final int before;
        /** Successor per ASCII class; a racy cache of immutable states, so a lost write only costs a recomputation. */
        final State[] next;

        /** Per category of the following character: 0 unknown, 1 no match ends here, 2 one does. Racy cache. */
        final byte[] endsHere = new byte[4];

        State(int[] kernel, int before, int classes) {
            this.kernel = kernel;
            this.before = before;
            this.next = new State[classes];
        }

        boolean matchesBefore(int after, MatchProbe probe) {
            byte known = endsHere[after];
            if (known == 0) {
                known = probe.reachesMatch(kernel, before, REPRESENTATIVE[after]) ? (byte) 2 : (byte) 1;
                endsHere[after] = known;
            }
            return known == 2;
        }
    }

    /** One generation of the state cache; replaced whole when it grows too large. */
    private static final class Cache {
        private final MatchProbe probe;
        private final Map<Key, State> states = new ConcurrentHashMap<>();
        final State[] initial = new State[4];

        Cache(MatchProbe probe) {
            this.probe = probe;
            for (int before = 0; before < initial.length; before++) {
                initial[before] = stateFor(new int[0], before);
            }
        }

        /** The successor of {@code s} on rune {@code r}, {@link #MATCHED}, or null when the cache is full. */
        State step(State s, int r) {
            int[] kernel = probe.reach(s.kernel, Utils.emptyOpContext(REPRESENTATIVE[s.before], r), r, !probe.continuing);
            if (kernel == null) {
                return MATCHED;
            }
            int before = category(r);
            if (states.size() >= MAX_STATES && !states.containsKey(new Key(kernel, before))) {
                return null;
            }
            return stateFor(kernel, before);
        }

        State stateFor(int[] kernel, int before) {
            Key key = new Key(kernel, before);
            State s = states.get(key);
            if (s == null) {
                State created = new State(kernel, before, probe.classCount);
                s = states.putIfAbsent(key, created);
                if (s == null) {
                    s = created;
                }
            }
            return s;
        }
    }

    private static final class Key {
        final int[] kernel;
        final int before;
        final int hash;

        Key(int[] kernel, int before) {
            this.kernel = kernel;
            this.before = before;
            this.hash = Arrays.hashCode(kernel) * 4 + before;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).before == before && Arrays.equals(kernel, ((Key) o).kernel);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static boolean consumes(Inst inst, int r) {
        switch (inst.op) {
            case Inst.RUNE:
                return inst.matchRune(r);
            case Inst.RUNE1:
                return r == inst.runes[0];
            case Inst.RUNE_ANY:
                return true;
            case Inst.RUNE_ANY_NOT_NL:
                return r != '\n';
            default:
                return false;
        }
    }

    /** A rune no instruction consumes, for {@link #reach} when only a match matters. */
    private static final int NO_RUNE = -1;

    /**
     * Follows empty moves from the kernel and from the program's start (every position may begin a
     * match), with assertions judged by {@code context}: null when an instruction that matches is
     * reached and {@code stopAtMatch}, else the sorted targets of the reached instructions that consume
     * {@code r}.
     *
     * <p>One method on purpose: the DFA's slow path. C2 inlines a hot callee of up to 325 bytes of
     * bytecode, and with the closure a separate method the whole of it was inlined into the scan loop
     * of {@link #mayMatch}, whose compile was then a third of all C2 time in a short run.
     */
    private int[] reach(int[] kernel, int context, int r, boolean stopAtMatch) {
        boolean[] seen = new boolean[program.length];
        int[] stack = new int[program.length];
        int top = 0;
        for (int pc : kernel) {
            if (!seen[pc]) {
                seen[pc] = true;
                stack[top++] = pc;
            }
        }
        if (!seen[start]) {
            seen[start] = true;
            stack[top++] = start;
        }
        int[] targets = new int[program.length];
        int n = 0;
        while (top > 0) {
            int pc = stack[--top];
            Inst inst = program[pc];
            int follow = -1;
            switch (inst.op) {
                case Inst.MATCH:
                    if (stopAtMatch) {
                        return null;
                    }
                    break;
                case Inst.ALT:
                case Inst.ALT_MATCH:
                    if (!seen[inst.arg]) {
                        seen[inst.arg] = true;
                        stack[top++] = inst.arg;
                    }
                    follow = inst.out;
                    break;
                case Inst.CAPTURE:
                case Inst.NOP:
                    follow = inst.out;
                    break;
                case Inst.EMPTY_WIDTH:
                    if ((inst.arg & ~context) == 0) {
                        follow = inst.out;
                    }
                    break;
                case Inst.FAIL:
                    break;
                default:
                    boolean takes = r < 0 ? false
                            : r < 128 ? (asciiSets[2 * pc + (r >>> 6)] & 1L << r) != 0 : consumes(inst, r);
                    if (takes) {
                        targets[n++] = inst.out;
                    }
            }
            if (follow >= 0 && !seen[follow]) {
                seen[follow] = true;
                stack[top++] = follow;
            }
        }
        return sortedUnique(Arrays.copyOf(targets, n));
    }

    private static int[] sortedUnique(int[] a) {
        Arrays.sort(a);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (n == 0 || a[i] != a[n - 1]) {
                a[n++] = a[i];
            }
        }
        return n == a.length ? a : Arrays.copyOf(a, n);
    }

    /**
     * Groups ASCII characters that every consuming instruction and every assertion treats alike: starts
     * from what assertions tell apart and splits the groups by each instruction's set of ASCII
     * characters, as two 64-bit masks. Runs on a rule's first keyword hit, so it avoids per-character
     * work beyond a bit test.
     */
    private static int asciiClasses(Inst[] program, byte[] classOf, long[] sets) {
        int[] cls = new int[128];
        for (int c = 0; c < 128; c++) {
            cls[c] = Utils.isWordRune(c) ? 0 : c == '\n' ? 1 : 2;
        }
        int count = renumber(cls, new int[128], 0, 0);
        int[] split = new int[2 * 128];
        long[] set = new long[2];
        long lastLow = 0;
        long lastHigh = 0;
        for (int pc = 0; pc < program.length; pc++) {
            Inst inst = program[pc];
            if (!Inst.isRuneOp(inst.op)) {
                continue;
            }
            asciiSet(inst, set);
            sets[2 * pc] = set[0];
            sets[2 * pc + 1] = set[1];
            boolean splitsNothing = set[0] == 0 && set[1] == 0 || set[0] == -1L && set[1] == -1L;
            if (splitsNothing || set[0] == lastLow && set[1] == lastHigh) {
                continue;
            }
            lastLow = set[0];
            lastHigh = set[1];
            count = renumber(cls, split, set[0], set[1]);
        }
        for (int c = 0; c < 128; c++) {
            classOf[c] = (byte) cls[c];
        }
        return count;
    }

    /**
     * Splits each group by membership in the set {@code (low, high)} and numbers the groups in order of
     * their first character; returns how many there are.
     */
    private static int renumber(int[] cls, int[] split, long low, long high) {
        Arrays.fill(split, -1);
        int count = 0;
        for (int c = 0; c < 128; c++) {
            long bits = c < 64 ? low : high;
            int key = cls[c] * 2 + (int) (bits >>> c & 1);
            if (split[key] < 0) {
                split[key] = count++;
            }
            cls[c] = split[key];
        }
        return count;
    }

    /** The ASCII characters a consuming instruction takes, as {@link #consumes} decides, into {@code set}. */
    private static void asciiSet(Inst inst, long[] set) {
        set[0] = 0;
        set[1] = 0;
        switch (inst.op) {
            case Inst.RUNE_ANY:
                set[0] = -1L;
                set[1] = -1L;
                return;
            case Inst.RUNE_ANY_NOT_NL:
                set[0] = ~(1L << '\n');
                set[1] = -1L;
                return;
            case Inst.RUNE1:
                add(set, inst.runes[0], inst.runes[0]);
                return;
            default:
                break;
        }
        int[] runes = inst.runes;
        if (runes.length == 1 && (inst.arg & RE2.FOLD_CASE) != 0) {
            for (int c = 0; c < 128; c++) {
                if (Unicode.equalsIgnoreCase(runes[0], c)) {
                    add(set, c, c);
                }
            }
        } else if (runes.length == 1) {
            add(set, runes[0], runes[0]);
        } else {
            for (int j = 0; j + 1 < runes.length; j += 2) {
                add(set, runes[j], runes[j + 1]);
            }
        }
    }

    /** Adds the ASCII part of the rune range {@code [lo, hi]}. */
    private static void add(long[] set, int lo, int hi) {
        for (int c = Math.max(lo, 0), last = Math.min(hi, 127); c <= last; c++) {
            set[c >>> 6] |= 1L << c;
        }
    }

    /**
     * Drops the leading parts of a top-level concatenation that can match the empty string; null when
     * the whole pattern can. Trailing parts stay: they are what rejects most candidates.
     */
    private static Regexp withoutNullablePrefix(Regexp re) {
        return withoutNullablePrefix(re, false);
    }

    /**
     * The same with {@code everywhere}, dropping only parts that match nothing whatever the characters
     * around: a dropped assertion would let the rest match in places where the whole cannot.
     */
    private static Regexp withoutNullablePrefix(Regexp re, boolean everywhere) {
        while (re.op == Regexp.Op.CAPTURE) {
            re = re.subs[0];
        }
        if (nullable(re)) {
            return null;
        }
        if (re.op != Regexp.Op.CONCAT) {
            return re;
        }
        int from = 0;
        while (nullable(re.subs[from], everywhere)) {
            from++;
        }
        Regexp trimmed = new Regexp(re);
        trimmed.subs = Arrays.copyOfRange(re.subs, from, re.subs.length);
        return trimmed;
    }

    /** Whether {@code re} can match the empty string. */
    private static boolean nullable(Regexp re) {
        return nullable(re, false);
    }

    /**
     * Whether {@code re} can match the empty string: somewhere, or with {@code everywhere} whatever the
     * characters around (an assertion such as {@code \b} matches it only in some places).
     */
    private static boolean nullable(Regexp re, boolean everywhere) {
        if (isEmptyWidth(re)) {
            return !everywhere || re.op == Regexp.Op.EMPTY_MATCH;
        }
        switch (re.op) {
            case STAR:
            case QUEST:
                return true;
            case LITERAL:
                return re.runes.length == 0;
            case REPEAT:
                return re.min == 0 || nullable(re.subs[0], everywhere);
            case PLUS:
            case CAPTURE:
                return nullable(re.subs[0], everywhere);
            case CONCAT:
                for (Regexp sub : re.subs) {
                    if (!nullable(sub, everywhere)) {
                        return false;
                    }
                }
                return true;
            case ALTERNATE:
                for (Regexp sub : re.subs) {
                    if (nullable(sub, everywhere)) {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }
}
