package dev.logredact.collector.model;

/**
 * One redaction as the agent reported it: one OTLP log record, validated and flattened. Times are epoch
 * milliseconds; every field but {@code uid}, {@code fingerprint} and {@code rule} may be null.
 */
public record RedactionEvent(
        String uid,
        long occurredAt,
        long receivedAt,
        String fingerprint,
        String rule,
        String kind,
        String secretName,
        String variant,
        String channel,
        String logger,
        String thread,
        long count,
        Long seq,
        String instance,
        String service,
        String host,
        Long pid,
        String pipeline,
        String job,
        String runId,
        String runUrl,
        String repository,
        String commit,
        String branch) {
}
