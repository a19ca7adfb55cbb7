package dev.logredact.config;

import java.util.Locale;

/** What happens to text when masking it fails inside the agent ({@code logredact.on.error}). */
public enum OnError {
    /** Replace the text by a marker: a failure must not leak what it failed to mask. */
    WITHHOLD,
    /** Let the text through unmasked: for when losing output is worse. */
    PASS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }

    static OnError parse(String text) throws InvalidValueException {
        for (OnError choice : values()) {
            if (choice.id().equalsIgnoreCase(text)) {
                return choice;
            }
        }
        throw new InvalidValueException("not withhold or pass");
    }
}
