package dev.logredact.export;

import java.time.Clock;

/** What came of sending one batch, by the OTLP/HTTP rules (reporting note §2, §4 rules 2-5). */
final class ExportOutcome {
    enum Kind {
        /** 2xx, nothing rejected: delete it. {@link #message} is a warning the collector gave, if any. */
        DELIVERED,
        /** 2xx with {@code rejectedLogRecords > 0}: never send again. */
        PARTIALLY_REJECTED,
        /** 429, 502, 503, 504, or no response at all: send again later. */
        RETRY,
        /** 413: send in smaller parts. */
        TOO_LARGE,
        /** 401 or 403: stop sending, keep everything. */
        CREDENTIALS_REFUSED,
        /** Any other status: never send again. */
        REJECTED
    }

    /** Every success body is read up to this size; beyond it the reply is not trusted (spec: 4 MiB). */
    static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    final Kind kind;
    /** The HTTP status, or -1 when none came. */
    final int status;
    final long rejected;
    /** The collector's text, unmasked; null when there is none. */
    final String message;
    /** What {@code Retry-After} asked for, or -1. */
    final long retryAfterMillis;

    private ExportOutcome(Kind kind, int status, long rejected, String message, long retryAfterMillis) {
        this.kind = kind;
        this.status = status;
        this.rejected = rejected;
        this.message = message;
        this.retryAfterMillis = retryAfterMillis;
    }

    /** No response: a failed connect, a timeout or a dropped connection. */
    static ExportOutcome noResponse() {
        return new ExportOutcome(Kind.RETRY, -1, 0, null, -1);
    }

    /** A response; {@code body} is null when it was larger than {@link #MAX_RESPONSE_BYTES}. */
    static ExportOutcome of(int status, byte[] body, String retryAfter, Clock clock) {
        if (status >= 200 && status < 300) {
            if (body == null) {
                return new ExportOutcome(Kind.REJECTED, status, 0, "response larger than 4 MiB", -1);
            }
            CollectorReply reply = CollectorReply.success(body);
            Kind kind = reply.rejected > 0 ? Kind.PARTIALLY_REJECTED : Kind.DELIVERED;
            return new ExportOutcome(kind, status, reply.rejected, reply.message, -1);
        }
        String message = body == null ? "response larger than 4 MiB" : CollectorReply.failure(body).message;
        switch (status) {
            case 401:
            case 403:
                return new ExportOutcome(Kind.CREDENTIALS_REFUSED, status, 0, message, -1);
            case 413:
                return new ExportOutcome(Kind.TOO_LARGE, status, 0, message, -1);
            case 429:
            case 502:
            case 503:
            case 504:
                return new ExportOutcome(Kind.RETRY, status, 0, message, RetryAfter.millis(retryAfter, clock));
            default:
                return new ExportOutcome(Kind.REJECTED, status, 0, message, -1);
        }
    }
}
