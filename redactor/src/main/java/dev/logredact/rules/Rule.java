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
    private final List<String> keywords;
    private final boolean hasRegex;
    private final boolean hasPath;
    /** Null until first asked for when the rule was read from the binary form ({@link #reader}). */
    private volatile Body body;
    private final BodyReader reader;

    Rule(String id, String description, LazyPattern regex, LazyPattern path, int secretGroup, double entropy,
         List<String> keywords, List<String> tags, List<Allowlist> allowlists, String source) {
        this(id, keywords, regex != null, path != null, null);
        this.body = new Body(description, regex, path, secretGroup, entropy, tags, allowlists, source);
    }

    /**
     * A rule whose other parts {@code reader} reads when first asked for: the scanner needs only the id,
     * keywords and whether there is a regex of every rule when it is built, while the JVM starts, and
     * most rules never see a keyword hit.
     */
    Rule(String id, List<String> keywords, boolean hasRegex, boolean hasPath, BodyReader reader) {
        this.id = id;
        this.keywords = frozen(keywords);
        this.hasRegex = hasRegex;
        this.hasPath = hasPath;
        this.reader = reader;
    }

    /** Everything of a rule but what its constructor takes first. */
    static final class Body {
        final String description;
        final LazyPattern regex;
        final LazyPattern path;
        final int secretGroup;
        final double entropy;
        final List<String> tags;
        final List<Allowlist> allowlists;
        final String source;

        Body(String description, LazyPattern regex, LazyPattern path, int secretGroup, double entropy,
             List<String> tags, List<Allowlist> allowlists, String source) {
            this.description = description;
            this.regex = regex;
            this.path = path;
            this.secretGroup = secretGroup;
            this.entropy = entropy;
            this.tags = frozen(tags);
            this.allowlists = frozen(allowlists);
            this.source = source;
        }
    }

    /** Reads a rule's {@link Body} from where it is stored. */
    interface BodyReader {
        Body read();
    }

    private Body body() {
        Body b = body;
        if (b == null) {
            // Two threads may both read it: the copies are alike, immutable, and either will do.
            b = reader.read();
            body = b;
        }
        return b;
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
        return body().description;
    }

    /** The pattern over the text; null for a path-only rule, which cannot fire on a stream. */
    public Pattern regex() {
        return LazyPattern.get(body().regex);
    }

    /** The regex as written, without compiling it. */
    public String regexSource() {
        return LazyPattern.source(body().regex);
    }

    public boolean hasRegex() {
        return hasRegex;
    }

    /** A pattern the file path must match first; null when the rule applies to any text. */
    public Pattern path() {
        return LazyPattern.get(body().path);
    }

    String pathSource() {
        return LazyPattern.source(body().path);
    }

    public boolean hasPath() {
        return hasPath;
    }

    /** The capture group holding the secret; 0 means the first non-empty group, or the whole match. */
    public int secretGroup() {
        return body().secretGroup;
    }

    /** Findings whose secret has a Shannon entropy at or below this are dropped; 0 disables the check. */
    public double entropy() {
        return body().entropy;
    }

    /** Lower-case strings of which at least one must occur near a match; empty means always evaluated. */
    public List<String> keywords() {
        return keywords;
    }

    public List<String> tags() {
        return body().tags;
    }

    public List<Allowlist> allowlists() {
        return body().allowlists;
    }

    /** Where the rule was defined: a file path, or {@code default} for the embedded set. */
    public String source() {
        return body().source;
    }

    /** True when the rule can fire on text that has no file path (a log stream). */
    public boolean appliesToStreams() {
        return hasRegex && !hasPath;
    }

    @Override
    public String toString() {
        return id;
    }
}
