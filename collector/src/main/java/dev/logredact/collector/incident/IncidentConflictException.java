package dev.logredact.collector.incident;

/** The incident changed between reading and writing it; the client should reload and try again. */
public final class IncidentConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IncidentConflictException(String message) {
        super(message);
    }
}
