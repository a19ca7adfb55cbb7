package dev.logredact.collector.api;

/**
 * A request the API refuses, answered as {@code {"status":400,"message":"…","field":"limit"}}; the message
 * names the field and says what is allowed, never echoing a submitted value.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    ApiError(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static ApiError badRequest(String field, String message) {
        return new ApiError(400, field, field + ": " + message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, null, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    /** The response body. */
    public record Body(int status, String message, String field) {
    }

    public Body body() {
        return new Body(status, getMessage(), field);
    }
}
