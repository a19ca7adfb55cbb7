package dev.logredact.collector.view;

import java.time.Instant;

/** Times as the API and reports show them: ISO-8601 UTC instants, durations in seconds. */
final class Times {
    private Times() {
    }

    static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    static String iso(Long epochMillis) {
        return epochMillis == null ? null : iso(epochMillis.longValue());
    }

    static Double seconds(Long millis) {
        return millis == null ? null : millis / 1000.0;
    }
}
