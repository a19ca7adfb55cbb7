package dev.logredact.secrets;

import java.util.Locale;

/**
 * One anchored, case-insensitive glob over an environment variable name: {@code *} is any run of
 * characters, {@code ?} exactly one. Anchored so that {@code *_SECRET} means what it says and does not
 * also take {@code FOO_SECRETS} (buildkite/agent #3588).
 */
final class NameGlob {
    private final String pattern;

    private NameGlob(String pattern) {
        this.pattern = pattern;
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

    /** Wildcard matching that backtracks only to the last {@code *}: linear for the globs used here. */
    boolean matches(String name) {
        String s = name.toUpperCase(Locale.ROOT);
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
