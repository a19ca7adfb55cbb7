package dev.logredact.secrets;

import java.util.Locale;

/**
 * One anchored, case-insensitive glob over an environment variable name: {@code *} is any run of
 * characters, {@code ?} exactly one. Anchored so that {@code *_SECRET} means what it says and does not
 * also take {@code FOO_SECRETS} (buildkite/agent #3588).
 */
final class NameGlob {
    // Shapes, as ints: an enum switch costs two classes more at start-up.
    private static final int EXACT = 0;
    private static final int PREFIX = 1;
    private static final int SUFFIX = 2;
    private static final int CONTAINS = 3;
    private static final int GENERAL = 4;

    private final String pattern;
    /** Most globs are {@code *WORD*} or {@code *_WORD}: those match with one JDK string call. */
    private final int shape;
    /** The pattern without its leading and trailing {@code *} when the shape is not GENERAL. */
    private final String literal;
    /**
     * The {@link #pair} of the literal's first two characters, which every name it matches holds; -1 when
     * there is none to require (a GENERAL glob, a one-character literal).
     */
    private final int firstPair;

    private NameGlob(String pattern) {
        this.pattern = pattern;
        boolean lead = pattern.startsWith("*");
        boolean trail = pattern.length() > 1 && pattern.endsWith("*");
        String middle = pattern.substring(lead ? 1 : 0, pattern.length() - (trail ? 1 : 0));
        if (middle.indexOf('*') >= 0 || middle.indexOf('?') >= 0) {
            shape = GENERAL;
        } else if (lead) {
            shape = trail ? CONTAINS : SUFFIX;
        } else {
            shape = trail ? PREFIX : EXACT;
        }
        literal = middle;
        firstPair = shape == GENERAL || middle.length() < 2 ? -1
                : pair(symbol(middle.charAt(0)), symbol(middle.charAt(1)));
    }

    /**
     * The pairs of adjacent characters in an upper-case name, one bit each: a name lacking a glob's first
     * pair is passed over without a string search. A CI job has a hundred variables and some thirty globs
     * apply to each, interpreted while the JVM starts: a search each made that 15 µs a variable.
     */
    static long[] pairs(String upperCaseName) {
        long[] bits = new long[16];
        int previous = upperCaseName.isEmpty() ? 0 : symbol(upperCaseName.charAt(0));
        for (int i = 1; i < upperCaseName.length(); i++) {
            int current = symbol(upperCaseName.charAt(i));
            int p = pair(previous, current);
            bits[p >>> 6] |= 1L << p;
            previous = current;
        }
        return bits;
    }

    /** Two characters' {@link #symbol}s as one of 1,024 pairs. */
    private static int pair(int first, int second) {
        return first << 5 | second;
    }

    /** A to Z and {@code _} each their own symbol, digits one, the rest by their two low bits: 32 in all. */
    private static int symbol(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        return c == '_' ? 26 : c >= '0' && c <= '9' ? 27 : 28 + (c & 3);
    }

    /** @throws IllegalArgumentException naming the glob and the offending character */
    static NameGlob parse(String glob) {
        boolean literal = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                continue;
            }
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '.' && c != '-') {
                throw new IllegalArgumentException("invalid glob \"" + glob + "\": '" + c + "' at position " + (i + 1)
                        + " is not allowed (use letters, digits, _ . - and the wildcards * and ?)");
            }
            literal = true;
        }
        if (!literal) {
            // Every variable would become a secret: PATH, HOME and the rest would be masked everywhere.
            throw new IllegalArgumentException("invalid glob \"" + glob + "\": it matches every variable name");
        }
        return new NameGlob(glob.toUpperCase(Locale.ROOT));
    }

    boolean matches(String name) {
        return matchesUpperCase(name.toUpperCase(Locale.ROOT));
    }

    /** For a name already in upper case ({@link Locale#ROOT}), as a caller trying many globs has it. */
    /** As {@link #matchesUpperCase(String)}, for a name whose {@link #pairs} are given. */
    boolean matchesUpperCase(String s, long[] pairsOfS) {
        return (firstPair < 0 || (pairsOfS[firstPair >>> 6] & 1L << firstPair) != 0) && matchesUpperCase(s);
    }

    boolean matchesUpperCase(String s) {
        switch (shape) {
            case EXACT:
                return s.equals(literal);
            case PREFIX:
                return s.startsWith(literal);
            case SUFFIX:
                return s.endsWith(literal);
            case CONTAINS:
                return s.contains(literal);
            default:
                return matchesGeneral(s);
        }
    }

    /** Wildcard matching that backtracks only to the last {@code *}: linear for the globs used here. */
    private boolean matchesGeneral(String s) {
        int p = 0;
        int i = 0;
        int star = -1;
        int resume = 0;
        while (i < s.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == s.charAt(i))) {
                p++;
                i++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = i;
            } else if (star >= 0) {
                p = star + 1;
                i = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
