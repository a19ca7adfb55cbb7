package dev.logredact.export;

import dev.logredact.mask.Span;

import java.util.Objects;
import java.util.UUID;

/**
 * One redaction as the collector sees it (ARCHITECTURE §6): what was masked, where and by which
 * thread, never the secret itself. Made on the writing thread with a count of one and no number; the
 * reporter merges repeats into {@link #count} and numbers what it emits.
 */
public final class RedactionEvent {
    /** Epoch nanoseconds of the first masking this event stands for. */
    public final long timeUnixNano;
    /** The rule id, or a known secret's label such as {@code env:NAME}. */
    public final String label;
    public final Span.Kind kind;
    /** The variable or entry name of a known secret; null for a rule finding. */
    public final String secretName;
    public final String fingerprint;
    /** {@code plain}, {@code base64}, {@code url}, … */
    public final String variant;
    /** {@code stdout}, {@code stderr}, {@code logback}, {@code log4j2}, {@code jul}, … */
    public final String channel;
    /** Null when the channel has no logger, as on stdout. */
    public final String logger;
    public final String thread;
    /** How many maskings of the same secret on the same channel this event stands for, at least 1. */
    public final long count;
    /** Monotonic per JVM from 1, for gap detection; 0 until the reporter numbers the event. */
    public final long seq;
    /** The collector's de-duplication key ({@code log.record.uid}); null until numbered. */
    public final UUID uid;

    private RedactionEvent(long timeUnixNano, String label, Span.Kind kind, String secretName, String fingerprint,
                           String variant, String channel, String logger, String thread, long count, long seq, UUID uid) {
        this.timeUnixNano = timeUnixNano;
        this.label = label;
        this.kind = kind;
        this.secretName = secretName;
        this.fingerprint = fingerprint;
        this.variant = variant;
        this.channel = channel;
        this.logger = logger;
        this.thread = thread;
        this.count = count;
        this.seq = seq;
        this.uid = uid;
    }

    /** One masking, as the engine reports it; the span carries no value, so neither does the event. */
    public static RedactionEvent of(Span span, String channel, String logger, String thread, long timeUnixNano) {
        return new RedactionEvent(timeUnixNano, span.label(), span.kind(), span.secretName(), span.fingerprint(),
                span.variant(), channel, logger, thread, 1, 0, null);
    }

    /** This event standing for {@code n} maskings. */
    public RedactionEvent withCount(long n) {
        return new RedactionEvent(timeUnixNano, label, kind, secretName, fingerprint, variant, channel, logger, thread,
                n, seq, uid);
    }

    /** This event as the reporter emits it. */
    public RedactionEvent numbered(long n, UUID id) {
        return new RedactionEvent(timeUnixNano, label, kind, secretName, fingerprint, variant, channel, logger, thread,
                count, n, id);
    }

    /** What identifies repeats: the same secret, found the same way, in the same form, on the same channel. */
    Key key() {
        return new Key(this);
    }

    /** See {@link #key()}. */
    static final class Key {
        private final String fingerprint;
        private final String channel;
        private final String label;
        private final String variant;

        private Key(RedactionEvent e) {
            this.fingerprint = e.fingerprint;
            this.channel = e.channel;
            this.label = e.label;
            this.variant = e.variant;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            return Objects.equals(fingerprint, k.fingerprint) && Objects.equals(channel, k.channel)
                    && Objects.equals(label, k.label) && Objects.equals(variant, k.variant);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fingerprint, channel, label, variant);
        }
    }
}
