package dev.logredact.rules;

import com.google.re2j.Pattern;

/**
 * A pattern compiled when first used. The embedded default rules were compiled and checked when the
 * project was built, so at start-up they need not be compiled again: most rules never see a keyword
 * in a given JVM, and compiling them all would cost every JVM of a build tens of milliseconds.
 */
final class LazyPattern {
    private final String source;
    private volatile Pattern compiled;

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
