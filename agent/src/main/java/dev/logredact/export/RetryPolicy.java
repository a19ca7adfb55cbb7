package dev.logredact.export;

import java.util.Random;

/**
 * How long to wait before sending a batch again (reporting note §4 rule 3): the collector's
 * {@code Retry-After} when it gave one, else exponential backoff with jitter. There is no attempt limit:
 * the caller retries while the JVM lives.
 */
final class RetryPolicy {
    /** A collector may ask for a long pause, but never for more than this. */
    static final long RETRY_AFTER_CAP_MILLIS = 5 * 60 * 1000L;

    private final long baseMillis;
    private final long capMillis;
    private final Random random;

    RetryPolicy(long baseMillis, long capMillis, Random random) {
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
        this.random = random;
    }

    /** From 1 s, doubling, at most 60 s. */
    static RetryPolicy standard() {
        return new RetryPolicy(1000, 60 * 1000, new Random());
    }

    /**
     * The wait before attempt {@code attempt + 1}, after {@code attempt} (from 1) failed; {@code retryAfterMillis}
     * is what the collector asked for, or negative when it did not say.
     */
    long delayMillis(int attempt, long retryAfterMillis) {
        if (retryAfterMillis >= 0) {
            return Math.min(retryAfterMillis, RETRY_AFTER_CAP_MILLIS);
        }
        double exponential = baseMillis * Math.pow(2, Math.min(Math.max(attempt, 1) - 1, 40));
        // ±20 % so that the JVMs of one build, all failing at once, do not all come back at once.
        double jittered = Math.min(exponential, capMillis) * (0.8 + 0.4 * random.nextDouble());
        return (long) Math.min(jittered, capMillis);
    }
}
