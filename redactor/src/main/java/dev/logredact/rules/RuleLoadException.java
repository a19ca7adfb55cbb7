package dev.logredact.rules;

import java.io.IOException;

/** A rule set could not be loaded at all: a missing or unreadable file, or a file that is not TOML. */
public final class RuleLoadException extends IOException {
    private static final long serialVersionUID = 1L;

    public RuleLoadException(String message) {
        super(message);
    }

    public RuleLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
