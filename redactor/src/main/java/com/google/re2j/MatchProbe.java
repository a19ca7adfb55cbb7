package com.google.re2j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fast "could this pattern match anywhere in this text?" test, as a lazily built DFA over the program
 * re2j compiles. logredact runs it before re2j's NFA so that the common case, a keyword that occurs
 * in a line with no secret around it, costs one table lookup per character instead of an NFA
 * simulation.
 *
 * <p>It lives in re2j's package because it reads re2j's parsed and compiled forms ({@link Regexp},
 * {@link Prog}, {@link Inst}), which are package-private. The shaded agent relocates it together with
 * re2j. It is tied to the re2j version the build pins; its tests compare it against re2j itself.
 *
 * <p>The answer over-approximates: true means "maybe", false means "certainly not". Empty-width
 * assertions ({@code ^ $ \b \B}) are treated as always true, and leading and trailing parts of the
 * pattern that can match the empty string are dropped, because a match of the whole pattern always
 * contains a match of what is left. That keeps the DFA small for gitleaks' typical
 * {@code [\w.-]{0,50}?(?:keyword)…} rules.
 */
public final class MatchProbe {
    /** Programs larger than this are not worth a DFA; such patterns always answer "maybe". */
    private static final int MAX_INSTRUCTIONS = 4000;
    /** States kept per probe before the cache is thrown away and rebuilt, as RE2 does. */
    private static final int MAX_STATES = 2000;
    /** After this many rebuilds the DFA is clearly thrashing; the probe then answers "maybe". */
    private static final int MAX_RESETS = 50;

    private final Inst[] program;
    private final int[] startClosure;
    /** ASCII character to equivalence class: characters that every instruction treats alike. */
    private final byte[] classOfAscii;
    private final int classCount;
    private volatile Cache cache;
    private volatile int resets;

    private MatchProbe(Prog prog) {
        this.program = Arrays.copyOf(prog.inst, prog.numInst());
        this.startClosure = closure(new int[] {prog.start}, 1);
        this.classOfAscii = new byte[128];
        this.classCount = asciiClasses(program, classOfAscii);
        this.cache = new Cache(this);
    }

    /**
     * A probe for {@code regex} (re2j syntax, compiled as {@link Pattern#compile(String)} compiles it),
     * or null when the pattern is too large or can match the empty string, where a probe saves nothing.
     */
    public static MatchProbe forPattern(String regex) {
        Regexp re = Parser.parse(regex, RE2.PERL);
        re = withoutNullableEnds(re);
        if (re == null) {
            return null;
        }
        Prog prog = Compiler.compileRegexp(Simplify.simplify(re));
        if (prog.numInst() > MAX_INSTRUCTIONS) {
            return null;
        }
        return new MatchProbe(prog);
    }

    /** False only when no match of the pattern can lie within {@code text[from, to)}. */
    public boolean mayMatch(CharSequence text, int from, int to) {
        if (resets > MAX_RESETS) {
            return true;
        }
        Cache c = cache;
        State s = c.start;
        if (s.match) {
            return true;
        }
        for (int i = from; i < to; i++) {
            int r = text.charAt(i);
            State next;
            if (r < 128) {
                int cls = classOfAscii[r];
                next = s.next[cls];
                if (next == null) {
                    next = c.step(s, r);
                    if (next == null) {
                        c = rebuilt(c);
                        next = c.step(c.stateFor(s.pcs), r);
                    }
                    s.next[cls] = next;
                }
            } else {
                if (Character.isHighSurrogate((char) r) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                    r = Character.toCodePoint((char) r, text.charAt(++i));
                }
                next = c.step(s, r);
                if (next == null) {
                    c = rebuilt(c);
                    next = c.step(c.stateFor(s.pcs), r);
                }
            }
            if (next == null) {
                return true;
            }
            if (next.match) {
                return true;
            }
            s = next;
        }
        return false;
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

    /** The DFA state for a set of instruction positions: thread-safe, shared by all callers. */
    private static final class State {
        final int[] pcs;
        final boolean match;
        /** Successor per ASCII class; a racy cache of immutable states, so a lost write only costs a recomputation. */
        final State[] next;

        State(int[] pcs, boolean match, int classes) {
            this.pcs = pcs;
            this.match = match;
            this.next = new State[classes];
        }
    }

    /** One generation of the state cache; replaced whole when it grows too large. */
    private static final class Cache {
        private final MatchProbe probe;
        private final Map<Key, State> states = new ConcurrentHashMap<>();
        final State start;

        Cache(MatchProbe probe) {
            this.probe = probe;
            this.start = stateFor(probe.startClosure);
        }

        /** The successor of {@code s} on rune {@code r}, or null when the cache is full. */
        State step(State s, int r) {
            int[] targets = new int[s.pcs.length];
            int n = 0;
            for (int pc : s.pcs) {
                Inst inst = probe.program[pc];
                if (consumes(inst, r)) {
                    targets[n++] = inst.out;
                }
            }
            int[] pcs = probe.closureWithStart(targets, n);
            if (states.size() >= MAX_STATES && !states.containsKey(new Key(pcs))) {
                return null;
            }
            return stateFor(pcs);
        }

        State stateFor(int[] pcs) {
            Key key = new Key(pcs);
            State s = states.get(key);
            if (s == null) {
                boolean match = false;
                for (int pc : pcs) {
                    match |= probe.program[pc].op == Inst.MATCH;
                }
                State created = new State(pcs, match, probe.classCount);
                s = states.putIfAbsent(key, created);
                if (s == null) {
                    s = created;
                }
            }
            return s;
        }
    }

    private static final class Key {
        final int[] pcs;
        final int hash;

        Key(int[] pcs) {
            this.pcs = pcs;
            this.hash = Arrays.hashCode(pcs);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && Arrays.equals(pcs, ((Key) o).pcs);
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

    /** Unanchored search: every step may also start a new match, so the start closure joins each state. */
    private int[] closureWithStart(int[] targets, int n) {
        int[] reached = closure(targets, n);
        int[] merged = Arrays.copyOf(reached, reached.length + startClosure.length);
        System.arraycopy(startClosure, 0, merged, reached.length, startClosure.length);
        return sortedUnique(merged);
    }

    /** The instructions that consume input or match, reachable from {@code roots} through empty moves. */
    private int[] closure(int[] roots, int n) {
        boolean[] seen = new boolean[program.length];
        int[] stack = new int[program.length];
        int top = 0;
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!seen[roots[i]]) {
                seen[roots[i]] = true;
                stack[top++] = roots[i];
            }
        }
        while (top > 0) {
            int pc = stack[--top];
            Inst inst = program[pc];
            switch (inst.op) {
                case Inst.ALT:
                case Inst.ALT_MATCH:
                    if (!seen[inst.arg]) {
                        seen[inst.arg] = true;
                        stack[top++] = inst.arg;
                    }
                    // fall through: out is the other branch
                case Inst.CAPTURE:
                case Inst.EMPTY_WIDTH:
                case Inst.NOP:
                    if (!seen[inst.out]) {
                        seen[inst.out] = true;
                        stack[top++] = inst.out;
                    }
                    break;
                case Inst.FAIL:
                    break;
                default:
                    out.add(pc);
            }
        }
        int[] result = new int[out.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = out.get(i);
        }
        return sortedUnique(result);
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

    /** Groups ASCII characters that every consuming instruction accepts or rejects alike. */
    private static int asciiClasses(Inst[] program, byte[] classOf) {
        Map<String, Integer> bySignature = new HashMap<>();
        StringBuilder signature = new StringBuilder();
        for (int c = 0; c < 128; c++) {
            signature.setLength(0);
            for (Inst inst : program) {
                if (Inst.isRuneOp(inst.op)) {
                    signature.append(consumes(inst, c) ? '1' : '0');
                }
            }
            Integer cls = bySignature.get(signature.toString());
            if (cls == null) {
                cls = bySignature.size();
                bySignature.put(signature.toString(), cls);
            }
            classOf[c] = (byte) (int) cls;
        }
        return bySignature.size();
    }

    /**
     * Drops leading and trailing parts of a top-level concatenation that can match the empty string;
     * null when nothing that must consume input is left.
     */
    private static Regexp withoutNullableEnds(Regexp re) {
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
        int to = re.subs.length;
        while (from < to && nullable(re.subs[from])) {
            from++;
        }
        while (to > from && nullable(re.subs[to - 1])) {
            to--;
        }
        Regexp trimmed = new Regexp(re);
        trimmed.subs = Arrays.copyOfRange(re.subs, from, to);
        return trimmed;
    }

    private static boolean nullable(Regexp re) {
        switch (re.op) {
            case EMPTY_MATCH:
            case BEGIN_LINE:
            case END_LINE:
            case BEGIN_TEXT:
            case END_TEXT:
            case WORD_BOUNDARY:
            case NO_WORD_BOUNDARY:
            case STAR:
            case QUEST:
                return true;
            case LITERAL:
                return re.runes.length == 0;
            case REPEAT:
                return re.min == 0 || nullable(re.subs[0]);
            case PLUS:
            case CAPTURE:
                return nullable(re.subs[0]);
            case CONCAT:
                for (Regexp sub : re.subs) {
                    if (!nullable(sub)) {
                        return false;
                    }
                }
                return true;
            case ALTERNATE:
                for (Regexp sub : re.subs) {
                    if (nullable(sub)) {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }
}
