package dev.logredact.config;

/** A value that cannot be used; the message says why without quoting the value. */
final class InvalidValueException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidValueException(String problem) {
        super(problem, null, false, false);
    }
}
