package dev.logredact.match;

/**
 * One encoded form of a known secret value, as the literal matcher sees it. The value is kept only to
 * fingerprint it when it is masked; {@link #toString()} never shows it.
 */
public final class Literal {
    private final String label;
    private final String secretName;
    private final String variant;
    private final String value;

    /**
     * @param label what the mask shows, such as {@code env:NPM_TOKEN}
     * @param secretName the variable or entry name, for the event; null for a value learned from a rule
     *                   finding, which is reported as that rule's finding
     * @param variant the form: {@code plain}, {@code base64}, {@code url}, …
     * @param value the secret value itself (not the form), so every form has one fingerprint
     */
    public Literal(String label, String secretName, String variant, String value) {
        this.label = label;
        this.secretName = secretName;
        this.variant = variant;
        this.value = value;
    }

    public String label() {
        return label;
    }

    public String secretName() {
        return secretName;
    }

    public String variant() {
        return variant;
    }

    /** The secret value, for fingerprinting only. */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return label + " (" + variant + ")";
    }
}
