package dev.logredact.secrets;

import java.util.Objects;

/**
 * A literal secret value and where it came from. Immutable. The value is trimmed on the way in:
 * surrounding whitespace and a trailing newline (common in files and {@code echo} output) would
 * otherwise have to appear in the log for the secret to be masked.
 */
public final class KnownSecret {
    /** Where a value came from; the prefix starts the label that masks and events show. */
    public enum Source {
        ENV("env"),
        FILE("file"),
        API("api"),
        LEARNED("learned");

        private final String prefix;

        Source(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        String label(String name) {
            return prefix + ":" + name;
        }
    }

    private final Source source;
    private final String name;
    private final String value;

    private KnownSecret(Source source, String name, String value) {
        this.source = source;
        this.name = name;
        this.value = value;
    }

    /**
     * @param name a variable name, {@code secrets.txt:3}, a caller-given name or a rule id
     * @throws IllegalArgumentException if the value is empty after trimming: it would mask everything
     *     or nothing, so it must have been refused earlier (see {@link SecretRefusal})
     */
    public static KnownSecret of(Source source, String name, String value) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        String trimmed = SecretText.trim(value);
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the value of " + source.label(name) + " is empty after trimming");
        }
        return new KnownSecret(source, name, trimmed);
    }

    public String name() {
        return name;
    }

    /** {@code env:NPM_TOKEN}, {@code file:secrets.txt:3}, {@code api:NAME} or {@code learned:RULE-ID}. */
    public String label() {
        return source.label(name);
    }

    public String value() {
        return value;
    }

    public Source source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KnownSecret)) {
            return false;
        }
        KnownSecret other = (KnownSecret) o;
        return source == other.source && name.equals(other.name) && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, name, value);
    }

    /** The label only: this object ends up in log statements and exception messages. */
    @Override
    public String toString() {
        return "KnownSecret(" + label() + ")";
    }
}
