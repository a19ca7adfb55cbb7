package dev.logredact.collector.ingest;

import java.util.Map;

/**
 * One OTLP log record as either encoding decoded it. Attribute and body values are plain Java values:
 * String, Long, Boolean, Double, byte[], List of values, Map of values, or null for an empty AnyValue.
 * {@code resource} is shared by every record of one {@code ResourceLogs}; {@code where} locates the
 * record in the request for messages ({@code resourceLogs[0].scopeLogs[1].logRecords[2]}).
 */
record OtlpRecord(
        String where,
        long timeUnixNano,
        long observedTimeUnixNano,
        String eventName,
        Object body,
        Map<String, Object> attributes,
        Map<String, Object> resource) {
}
