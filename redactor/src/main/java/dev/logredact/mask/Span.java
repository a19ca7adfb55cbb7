package dev.logredact.mask;

/**
 * A stretch of text to mask and what it was: the rule or known secret, its variant, and the secret's
 * fingerprint, never its value. Spans may overlap; whoever masks merges them. A listener is told of
 * each mask written as the span it replaced.
 */
public final class Span {
    /** How the secret was found. */
    public enum Kind {
        PATTERN, LITERAL;

        /** The contract's spelling for events: {@code pattern} or {@code literal}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    final int start;
    final int end;
    final String label;
    final Kind kind;
    final String secretName;
    final String variant;
    final String fingerprint;

    public Span(int start, int end, String label, Kind kind, String secretName, String variant, String fingerprint) {
        this.start = start;
        this.end = end;
        this.label = label;
        this.kind = kind;
        this.secretName = secretName;
        this.variant = variant;
        this.fingerprint = fingerprint;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** The same span moved by {@code delta}. */
    public Span shifted(int delta) {
        return new Span(start + delta, end + delta, label, kind, secretName, variant, fingerprint);
    }

    /** The same span at new offsets, as when char offsets are turned into byte offsets. */
    public Span at(int newStart, int newEnd) {
        return new Span(newStart, newEnd, label, kind, secretName, variant, fingerprint);
    }

    /** The rule id, or the known secret's label such as {@code env:NAME}. */
    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** The variable or entry name of a known secret; null for a pattern finding. */
    public String secretName() {
        return secretName;
    }

    /** {@code plain}, {@code base64}, {@code url}, … */
    public String variant() {
        return variant;
    }

    /** {@code v1:} + 32 hex digits of HMAC-SHA256 over the secret. */
    public String fingerprint() {
        return fingerprint;
    }

}
