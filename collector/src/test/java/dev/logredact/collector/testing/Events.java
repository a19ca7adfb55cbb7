package dev.logredact.collector.testing;

import dev.logredact.collector.model.RedactionEvent;

import java.time.Instant;
import java.util.UUID;

/** Stored-event values for store tests, as the receiver would make them from the agent's records. */
public final class Events {
    private Events() {
    }

    public static RedactionEvent event(String fingerprint, String secretName, String repository, Instant time) {
        return event(UUID.randomUUID().toString(), fingerprint, secretName, repository, time, null, null);
    }

    public static RedactionEvent event(String uid, String fingerprint, String secretName, String repository, Instant time,
                                       String instance, Long seq) {
        return new RedactionEvent(uid, time.toEpochMilli(), time.toEpochMilli(), fingerprint,
                secretName == null ? "github-pat" : "env:" + secretName, secretName == null ? "pattern" : "literal",
                secretName, "plain", "stdout", null, "main", 1, seq, instance, "logredact-agent", "runner-1", 42L,
                "build", "test", "99", repository == null ? null : repository + "/actions/runs/99", repository,
                "0123456789abcdef0123456789abcdef01234567", "main");
    }
}
