package dev.logredact.export;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The {@code Retry-After} response header: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * The wait it asks for in milliseconds, 0 for a date already past, or -1 when the header is absent or
     * unreadable (the caller then backs off on its own). Not capped here: see {@link RetryPolicy}.
     */
    static long millis(String header, Clock clock) {
        if (header == null) {
            return -1;
        }
        String value = header.trim();
        if (value.isEmpty()) {
            return -1;
        }
        if (isDigits(value)) {
            // Too many digits for a long is still "a very long time", not "unreadable".
            return value.length() > 15 ? Long.MAX_VALUE : Long.parseLong(value) * 1000;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Math.max(0, Duration.between(clock.instant(), at.toInstant()).toMillis());
        } catch (DateTimeParseException | ArithmeticException e) {
            return -1;
        }
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
