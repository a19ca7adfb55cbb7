package dev.logredact.rules;

import com.google.re2j.MatchProbe;
import com.google.re2j.Pattern;

/**
 * A pattern compiled when first used. The embedded default rules were compiled and checked when the
 * project was built, so at start-up they need not be compiled again: most rules never see a keyword
 * in a given JVM, and compiling them all would cost every JVM of a build tens of milliseconds.
 */
final class LazyPattern {
    private final String source;
    private volatile Pattern compiled;
    /** A {@link MatchProbe}, or {@link #NO_PROBE}; made on the first {@link #foundIn}. Racy: a lost race makes it twice. */
    private volatile Object probe;
    private static final Object NO_PROBE = new Object();

    private LazyPattern(String source, Pattern compiled) {
        this.source = source;
        this.compiled = compiled;
    }

    static LazyPattern compiled(Pattern pattern) {
        return pattern == null ? null : new LazyPattern(pattern.pattern(), pattern);
    }

    static LazyPattern lazy(String source) {
        return source == null ? null : new LazyPattern(source, null);
    }

    Pattern get() {
        Pattern p = compiled;
        if (p == null) {
            p = Pattern.compile(source);
            compiled = p;
        }
        return p;
    }

    /**
     * Whether the pattern matches somewhere in {@code text}, as {@code get().matcher(text).find()} says.
     * An allowlist's pattern is tried on every finding of its rule and mostly does not match: gitleaks'
     * generic-api-key allowlist, a long alternation with lazy runs, cost re2j's NFA tens of microseconds
     * a finding, where its DFA probe rules the text out in one pass. Only the probe's "no" is taken.
     */
    boolean foundIn(CharSequence text) {
        Object p = probe;
        if (p == null) {
            MatchProbe made = MatchProbe.forPattern(source);
            p = made != null ? made : NO_PROBE;
            probe = p;
        }
        if (p != NO_PROBE && !((MatchProbe) p).mayMatch(text, 0, text.length())) {
            return false;
        }
        return get().matcher(text).find();
    }

    String source() {
        return source;
    }

    static Pattern get(LazyPattern p) {
        return p == null ? null : p.get();
    }

    static String source(LazyPattern p) {
        return p == null ? null : p.source;
    }
}
