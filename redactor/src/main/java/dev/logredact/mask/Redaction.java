package dev.logredact.mask;

/** One masked secret, as reported to a listener: where it was and what identifies it, never its value. */
public final class Redaction {
    private final String ruleId;
    private final String fingerprint;
    private final int start;
    private final int end;

    public Redaction(String ruleId, String fingerprint, int start, int end) {
        this.ruleId = ruleId;
        this.fingerprint = fingerprint;
        this.start = start;
        this.end = end;
    }

    /** The rule id, or {@code env:NAME} for a known secret value. */
    public String ruleId() {
        return ruleId;
    }

    /** {@code v1:} + 32 hex digits of HMAC-SHA256 over the secret. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Where the secret was in the input text. */
    public int start() {
        return start;
    }

    public int end() {
        return end;
    }
}
