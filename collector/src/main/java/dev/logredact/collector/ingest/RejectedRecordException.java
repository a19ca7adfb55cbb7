package dev.logredact.collector.ingest;

/** One record cannot be stored; the rest of its request can. Counted in the response's partial success. */
final class RejectedRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    RejectedRecordException(String message) {
        super(message, null, false, false);
    }
}
