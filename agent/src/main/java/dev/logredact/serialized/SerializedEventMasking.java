package dev.logredact.serialized;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the hooks of appenders that send Java-serialised events (no text, so no text hook sees it) have
 * in common: every text of the event masked; when that fails, every text withheld instead; when even
 * that fails, no event at all, so the appender sends nothing rather than a secret.
 */
public final class SerializedEventMasking {
    /** Replaces each text of an event that could not be masked. */
    public static final String WITHHELD = "[logredact: log event withheld: it could not be masked]";

    /** Each text withheld; no text (null or empty) stays as it is. */
    private static final UnaryOperator<String> WITHHOLD = text -> text == null || text.isEmpty() ? text : WITHHELD;

    /** A hook's work on one event. */
    public interface Masking {
        /**
         * The event to send, {@code event} itself masked in place or a masked copy.
         *
         * @param texts masks one text of the event; passes null and empty texts as they are
         */
        Object apply(Object event, UnaryOperator<String> texts) throws Exception;
    }

    private SerializedEventMasking() {
    }

    /**
     * The event as {@code masking} makes it with {@code masker}; with every text withheld when that
     * fails (no masker, or the masker or reflection failed); null when even that fails. Never throws.
     */
    public static Object masked(Object event, UnaryOperator<String> masker, Masking masking) {
        if (event == null) {
            return null;
        }
        try {
            if (masker == null) {
                throw new IllegalStateException("no masker");
            }
            return masking.apply(event, text -> maskText(text, masker));
        } catch (Throwable t) {
            try {
                return masking.apply(event, WITHHOLD);
            } catch (Throwable again) {
                return null;
            }
        }
    }

    /**
     * A copy of an MDC map, the logged event's own perhaps, with its values masked: a value that is not
     * a String becomes its masked text, since a receiver only renders it and its text may hold a secret.
     */
    public static Map<Object, Object> maskedValues(Map<?, ?> map, UnaryOperator<String> texts) {
        Map<Object, Object> masked = new HashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object value = e.getValue();
            masked.put(e.getKey(), value == null ? null : texts.apply(value instanceof String ? (String) value : value.toString()));
        }
        return masked;
    }

    private static String maskText(String text, UnaryOperator<String> masker) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = masker.apply(text);
        if (masked == null) {
            throw new IllegalStateException("no masked text");
        }
        return masked;
    }
}
