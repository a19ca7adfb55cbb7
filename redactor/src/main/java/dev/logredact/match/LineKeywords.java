package dev.logredact.match;

/**
 * The keyword automaton laid out for a caller that finds line ends and keywords in one loop over raw
 * bytes, with no method call per byte. Shared and immutable: callers must not modify the arrays.
 */
public final class LineKeywords {
    /**
     * Byte → character class, except that {@code \n}, {@code \r} and ESC are -1: one sign test per byte
     * tells the common byte from the few a line scanner must look at.
     */
    public final byte[] classes;
    /** The class ESC really has, for stepping over it once the caller has noted it. */
    public final int escapeClass;
    /**
     * steps[state + class] is the next state, premultiplied by the class count so that no multiplication
     * is needed per byte; a state where a keyword ends is stored as its complement (negative). 0 is the
     * start state.
     */
    public final int[] steps;
    /**
     * Byte → one of 64 codes for {@link #skip}: bytes the automaton treats alike share a code (so letters
     * share theirs with their other case), and {@code \n}, {@code \r} and ESC each have one of their own.
     */
    public final byte[] codes;
    /**
     * One bit per three codes {@code (c0 << 12) | (c1 << 6) | c2}, set when no keyword begins with bytes of
     * these codes and the first is not a byte a line scanner must see ({@code \n}, {@code \r}, ESC): in the
     * start state, the first such byte leaves the automaton where it was, so a scanner may step over it
     * without a lookup in {@link #steps}. Three bytes, not two: in build output a keyword's first two
     * bytes ({@code in}, {@code to}, {@code se}) begin a fifth of all positions, its first three a
     * twentieth, and each position let through costs a chain of steps and a mispredicted branch.
     */
    public final long[] skip;
    /** No keyword can ever hit, and no rule runs without one: a line never needs the rules. */
    public final boolean none;
    /** Some rule has no keyword: every non-empty line needs the rules, whatever its bytes. */
    public final boolean always;

    /**
     * Per state number (a {@link #steps} state divided by {@link #stride}): the keywords ending there; null
     * as a whole when every hit counts (a rule runs on every line).
     */
    private final int[][] outputs;
    private final int stride;
    private final KeywordLiterals literals;

    LineKeywords(byte[] classes, int escapeClass, int[] steps, byte[] codes, long[] skip, boolean none, boolean always,
                 int[][] outputs, int stride, KeywordLiterals literals) {
        this.classes = classes;
        this.escapeClass = escapeClass;
        this.steps = steps;
        this.codes = codes;
        this.skip = skip;
        this.none = none;
        this.always = always;
        this.outputs = outputs;
        this.stride = stride;
        this.literals = literals;
    }

    /**
     * Whether the keywords that end before {@code p[end]}, where the automaton reached the accepting
     * {@code state} (a {@link #steps} entry's complement), send the line to the rules: false only when no
     * match of any rule listing them can contain this hit (see {@link KeywordLiterals}). The line holds
     * {@code p[lineStart, available)} so far.
     */
    public boolean hit(int state, byte[] p, int end, int lineStart, int available) {
        if (outputs == null) {
            return true;
        }
        for (int k : outputs[state / stride]) {
            if (!literals.checked(k) || literals.confirms(k, p, end, lineStart, available)) {
                return true;
            }
        }
        return false;
    }
}
