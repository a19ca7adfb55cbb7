package dev.logredact.mask;

/** One masked secret, as reported to a listener: where it was and what identifies it, never its value. */
public final class Redaction {
    private final String ruleId;
    private final Span.Kind kind;
    private final String secretName;
    private final String variant;
    private final String fingerprint;
    private final int start;
    private final int end;

    public Redaction(String ruleId, Span.Kind kind, String secretName, String variant, String fingerprint,
                     int start, int end) {
        this.ruleId = ruleId;
        this.kind = kind;
        this.secretName = secretName;
        this.variant = variant;
        this.fingerprint = fingerprint;
        this.start = start;
        this.end = end;
    }

    /** The rule id, or the known secret's label such as {@code env:NAME}. */
    public String ruleId() {
        return ruleId;
    }

    public Span.Kind kind() {
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

    /** Where the secret was in the text (characters) or in the bytes held when it was masked (streams). */
    public int start() {
        return start;
    }

    public int end() {
        return end;
    }
}
