package dev.logredact.mask;

/**
 * A stretch of text to mask and what it was: the rule or known secret, its variant, and the secret's
 * fingerprint. Spans may overlap; whoever masks merges them.
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

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public String secretName() {
        return secretName;
    }

    public String variant() {
        return variant;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** What a listener is told of this mask. */
    public Redaction redaction() {
        return new Redaction(label, kind, secretName, variant, fingerprint, start, end);
    }
}
