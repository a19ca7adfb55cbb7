package dev.logredact.export;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryRulesTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void backoffDoublesFromOneSecondUpToAMinuteWithTwentyPercentJitter() {
        Random seeded = new Random(42);
        RetryPolicy policy = new RetryPolicy(1000, 60_000, seeded);
        for (int round = 0; round < 200; round++) {
            for (int attempt = 1; attempt <= 12; attempt++) {
                double nominal = Math.min(1000 * Math.pow(2, attempt - 1), 60_000);
                long delay = policy.delayMillis(attempt, -1);
                assertTrue(delay >= 0.8 * nominal - 1 && delay <= Math.min(1.2 * nominal, 60_000),
                        "attempt " + attempt + ": " + delay);
            }
        }
        assertEquals(60_000, new RetryPolicy(1000, 60_000, new Random(1)).delayMillis(Integer.MAX_VALUE, -1), 12_000);
    }

    @Test
    void jitterSpreadsTheWaits() {
        RetryPolicy policy = new RetryPolicy(1000, 60_000, new Random(42));
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 1000; i++) {
            long delay = policy.delayMillis(1, -1);
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }
        assertTrue(min < 850 && max > 1150, min + ".." + max);
    }

    @Test
    void retryAfterWinsOverBackoffUpToFiveMinutes() {
        RetryPolicy policy = new RetryPolicy(1000, 60_000, new Random(42));
        assertEquals(0, policy.delayMillis(7, 0));
        assertEquals(120_000, policy.delayMillis(1, 120_000));
        assertEquals(300_000, policy.delayMillis(1, 86_400_000));
        assertEquals(300_000, policy.delayMillis(1, Long.MAX_VALUE));
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertEquals(0, RetryAfter.millis("0", NOW));
        assertEquals(30_000, RetryAfter.millis(" 30 ", NOW));
        assertEquals(Long.MAX_VALUE, RetryAfter.millis("99999999999999999999", NOW));
        assertEquals(90_000, RetryAfter.millis("Tue, 10 Mar 2026 12:01:30 GMT", NOW));
        assertEquals(0, RetryAfter.millis("Tue, 10 Mar 2026 11:00:00 GMT", NOW), "a date past is no wait");
    }

    @Test
    void anUnreadableRetryAfterLeavesItToBackoff() {
        for (String header : new String[] {null, "", "-5", "1.5", "soon", "2026-03-10T12:01:30Z"}) {
            assertEquals(-1, RetryAfter.millis(header, NOW), String.valueOf(header));
        }
    }
}
