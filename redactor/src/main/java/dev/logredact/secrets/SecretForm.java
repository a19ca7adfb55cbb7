package dev.logredact.secrets;

/**
 * One text to mask for a secret: the value itself or the value as some encoder prints it. The variant
 * goes into the redaction event, so a reader can tell that a secret leaked base64-encoded.
 */
public final class SecretForm {
    /** The value as given. */
    public static final String PLAIN = "plain";
    /** A multi-line value with each line trimmed and the lines joined by one LF. */
    public static final String MULTILINE = "multiline";
    /** One line of a multi-line value, for output that prints lines apart. */
    public static final String LINE = "line";
    /** A value given with surrounding quotes, without them. */
    public static final String UNQUOTED = "unquoted";
    public static final String BASE64 = "base64";
    public static final String BASE64URL = "base64url";
    public static final String URL = "url";
    public static final String JSON = "json";
    public static final String XML = "xml";
    public static final String SHELL = "shell";

    private final String text;
    private final String variant;
    private final KnownSecret secret;

    SecretForm(String text, String variant, KnownSecret secret) {
        this.text = text;
        this.variant = variant;
        this.secret = secret;
    }

    public String text() {
        return text;
    }

    /** One of the constants above. */
    public String variant() {
        return variant;
    }

    public KnownSecret secret() {
        return secret;
    }

    /** Label and variant only: the text is the secret, or trivially decodes to it. */
    @Override
    public String toString() {
        return "SecretForm(" + secret.label() + ", " + variant + ")";
    }
}
