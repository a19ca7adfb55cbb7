package dev.logredact.collector.ingest;

import dev.logredact.collector.model.RedactionEvent;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns one decoded OTLP record into a {@link RedactionEvent}, or says why it cannot be stored. The
 * attribute names are the contract of ARCHITECTURE §6; a message names the record and the attribute,
 * never a value.
 */
final class RecordReader {
    static final String EVENT_NAME = "logredact.secret.redacted";
    static final String FINGERPRINT = "logredact.secret.fingerprint";
    private static final Pattern FINGERPRINT_FORM = Pattern.compile("v1:[0-9a-f]{32}");
    private static final int MAX_TEXT = 2048;
    private static final int MAX_UID = 128;

    private final SecretCheck secrets;

    RecordReader(SecretCheck secrets) {
        this.secrets = secrets;
    }

    /** A record is logredact's when it carries the event name or a fingerprint; others are ignored, not rejected. */
    static boolean isRedactionEvent(OtlpRecord record) {
        return EVENT_NAME.equals(record.eventName()) || record.attributes().containsKey(FINGERPRINT);
    }

    /** @throws RejectedRecordException with a message that names the record and what is wrong with it */
    RedactionEvent read(OtlpRecord record, long receivedAt, Batch batch) throws RejectedRecordException {
        refuseSecrets(record, batch);
        Map<String, Object> a = record.attributes();
        Map<String, Object> res = record.resource();
        String where = record.where();
        String fingerprint = text(a, FINGERPRINT, where);
        if (fingerprint == null || !FINGERPRINT_FORM.matcher(fingerprint).matches()) {
            throw new RejectedRecordException(where + ": " + FINGERPRINT + " must be 'v1:' and 32 lowercase hex digits");
        }
        String rule = text(a, "logredact.rule.id", where);
        if (rule == null || rule.isEmpty()) {
            throw new RejectedRecordException(where + ": logredact.rule.id is missing");
        }
        Long count = integer(a, "logredact.count", where);
        if (count != null && count < 1) {
            throw new RejectedRecordException(where + ": logredact.count must be 1 or more");
        }
        Long seq = integer(a, "logredact.event.seq", where);
        String instance = text(res, "service.instance.id", where);
        return new RedactionEvent(
                uid(text(a, "log.record.uid", where), instance, seq, where),
                occurredAt(record, receivedAt),
                receivedAt,
                fingerprint,
                rule,
                text(a, "logredact.secret.kind", where),
                text(a, "logredact.secret.name", where),
                text(a, "logredact.variant", where),
                text(a, "logredact.channel", where),
                text(a, "logredact.logger", where),
                text(a, "logredact.thread", where),
                count == null ? 1 : count,
                seq,
                instance,
                text(res, "service.name", where),
                text(res, "host.name", where),
                integer(res, "process.pid", where),
                text(res, "cicd.pipeline.name", where),
                text(res, "cicd.pipeline.task.name", where),
                text(res, "cicd.pipeline.run.id", where),
                text(res, "cicd.pipeline.run.url.full", where),
                text(res, "vcs.repository.url.full", where),
                text(res, "vcs.ref.head.revision", where),
                text(res, "vcs.ref.head.name", where));
    }

    private void refuseSecrets(OtlpRecord record, Batch batch) throws RejectedRecordException {
        String rule = secrets.ruleFoundIn(record.body());
        if (rule != null) {
            throw secretIn(record, "the body", rule);
        }
        Found found = firstSecret(record.attributes());
        if (found == null) {
            found = batch.resourceVerdicts.computeIfAbsent(record.resource(), r -> {
                Found f = firstSecret(r);
                return f == null ? Found.NONE : f;
            });
        }
        if (found != null && found != Found.NONE) {
            throw secretIn(record, "attribute " + found.attribute(), found.rule());
        }
    }

    private Found firstSecret(Map<String, Object> attributes) {
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            String rule = secrets.ruleFoundIn(e.getValue());
            if (rule != null) {
                return new Found(e.getKey(), rule);
            }
        }
        return null;
    }

    /** The first attribute that looks like a secret, and the rule that says so. */
    private record Found(String attribute, String rule) {
        static final Found NONE = new Found(null, null);
    }

    /**
     * What one request's records share: a resource's attributes are checked once for all its records
     * (the decoders give them one map).
     */
    static final class Batch {
        private final Map<Map<String, Object>, Found> resourceVerdicts = new IdentityHashMap<>();
    }

    private static RejectedRecordException secretIn(OtlpRecord record, String what, String rule) {
        return new RejectedRecordException(record.where() + ": " + what + " looks like a secret (rule " + rule
                + "); the record was not stored");
    }

    /**
     * The idempotency key: {@code log.record.uid}, else the agent instance and its sequence number, else a
     * random one (such a record cannot be told from a resend).
     */
    private static String uid(String given, String instance, Long seq, String where) throws RejectedRecordException {
        if (given != null) {
            if (given.isEmpty() || given.length() > MAX_UID) {
                throw new RejectedRecordException(where + ": log.record.uid must have 1 to " + MAX_UID + " characters");
            }
            return given;
        }
        if (instance != null && seq != null) {
            return instance + "#" + seq;
        }
        return UUID.randomUUID().toString();
    }

    private static long occurredAt(OtlpRecord record, long receivedAt) {
        long nanos = record.timeUnixNano() != 0 ? record.timeUnixNano() : record.observedTimeUnixNano();
        return nanos != 0 ? nanos / 1_000_000L : receivedAt;
    }

    private static String text(Map<String, Object> attributes, String key, String where) throws RejectedRecordException {
        Object v = attributes.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new RejectedRecordException(where + ": " + key + " must be a string");
        }
        if (s.length() > MAX_TEXT) {
            throw new RejectedRecordException(where + ": " + key + " is longer than " + MAX_TEXT + " characters");
        }
        return s;
    }

    /** An integer attribute; a decimal string is taken too, as some senders stringify numbers. */
    private static Long integer(Map<String, Object> attributes, String key, String where) throws RejectedRecordException {
        Object v = attributes.get(key);
        if (v == null || v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new RejectedRecordException(where + ": " + key + " must be an integer");
    }
}
