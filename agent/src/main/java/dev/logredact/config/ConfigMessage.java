package dev.logredact.config;

/** A problem found while reading the configuration. It never contains the value of a secret key. */
public final class ConfigMessage {
    public enum Severity {
        /** Something was ignored, such as an unknown key; the configuration is still as written. */
        WARNING,
        /** A value could not be used and a lower source or the default was taken instead. */
        ERROR
    }

    private final Severity severity;
    private final String text;

    private ConfigMessage(Severity severity, String text) {
        this.severity = severity;
        this.text = text;
    }

    static ConfigMessage warning(String text) {
        return new ConfigMessage(Severity.WARNING, text);
    }

    static ConfigMessage error(String text) {
        return new ConfigMessage(Severity.ERROR, text);
    }

    public Severity severity() {
        return severity;
    }

    /** For example {@code logredact.secrets.min.length=abc (system property): not a whole number}. */
    public String text() {
        return text;
    }

    /** The line for stderr: {@code logredact: error: …} or {@code logredact: warning: …}. */
    @Override
    public String toString() {
        return "logredact: " + (severity == Severity.ERROR ? "error: " : "warning: ") + text;
    }
}
