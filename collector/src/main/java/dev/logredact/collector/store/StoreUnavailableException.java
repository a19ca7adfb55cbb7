package dev.logredact.collector.store;

/**
 * The store cannot take the work now (locked past the wait bound, no connection, a deadlock): worth
 * retrying later, so the receiver answers 503 with Retry-After.
 */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
