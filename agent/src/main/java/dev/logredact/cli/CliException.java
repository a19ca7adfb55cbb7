package dev.logredact.cli;

/** A failure the user can act on; its message is the whole report. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }
}
