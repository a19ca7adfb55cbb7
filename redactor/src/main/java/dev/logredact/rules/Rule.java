package dev.logredact.rules;

import com.google.re2j.Pattern;

import java.util.Collections;
import java.util.List;

/**
 * One detection rule with gitleaks' semantics: a regex whose secret group is the secret, gated by
 * keywords, an entropy floor and allowlists.
 */
public final class Rule {
    private final String id;
    private final String description;
    private final LazyPattern regex;
    private final LazyPattern path;
    private final int secretGroup;
    private final double entropy;
    private final List<String> keywords;
    private final List<String> tags;
    private final List<Allowlist> allowlists;
    private final String source;

    Rule(String id, String description, LazyPattern regex, LazyPattern path, int secretGroup, double entropy,
         List<String> keywords, List<String> tags, List<Allowlist> allowlists, String source) {
        this.id = id;
        this.description = description;
        this.regex = regex;
        this.path = path;
        this.secretGroup = secretGroup;
        this.entropy = entropy;
        this.keywords = frozen(keywords);
        this.tags = frozen(tags);
        this.allowlists = frozen(allowlists);
        this.source = source;
    }

    /**
     * The list, unmodifiable; the shared empty list for an empty one, as most rules' allowlists and tags
     * are: the default rules are read while the JVM starts, where every wrapper costs.
     */
    static <T> List<T> frozen(List<T> list) {
        return list.isEmpty() ? Collections.<T>emptyList() : Collections.unmodifiableList(list);
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The pattern over the text; null for a path-only rule, which cannot fire on a stream. */
    public Pattern regex() {
        return LazyPattern.get(regex);
    }

    /** The regex as written, without compiling it. */
    public String regexSource() {
        return LazyPattern.source(regex);
    }

    public boolean hasRegex() {
        return regex != null;
    }

    /** A pattern the file path must match first; null when the rule applies to any text. */
    public Pattern path() {
        return LazyPattern.get(path);
    }

    String pathSource() {
        return LazyPattern.source(path);
    }

    public boolean hasPath() {
        return path != null;
    }

    /** The capture group holding the secret; 0 means the first non-empty group, or the whole match. */
    public int secretGroup() {
        return secretGroup;
    }

    /** Findings whose secret has a Shannon entropy at or below this are dropped; 0 disables the check. */
    public double entropy() {
        return entropy;
    }

    /** Lower-case strings of which at least one must occur near a match; empty means always evaluated. */
    public List<String> keywords() {
        return keywords;
    }

    public List<String> tags() {
        return tags;
    }

    public List<Allowlist> allowlists() {
        return allowlists;
    }

    /** Where the rule was defined: a file path, or {@code default} for the embedded set. */
    public String source() {
        return source;
    }

    /** True when the rule can fire on text that has no file path (a log stream). */
    public boolean appliesToStreams() {
        return regex != null && path == null;
    }

    @Override
    public String toString() {
        return id;
    }
}
