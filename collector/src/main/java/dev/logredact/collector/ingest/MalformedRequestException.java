package dev.logredact.collector.ingest;

/**
 * The request as a whole cannot be decoded: answered with 400 and this message, which says what and
 * where and never quotes the body (a body may hold the very secret the sender failed to mask).
 */
final class MalformedRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedRequestException(String message) {
        super(message);
    }
}
