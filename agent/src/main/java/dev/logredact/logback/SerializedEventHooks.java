package dev.logredact.logback;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What Logback classic's patched {@code LoggingEventPreSerializationTransformer#transform} calls with
 * the {@code LoggingEventVO} it made: the object every socket appender of classic ({@code SocketAppender},
 * {@code SSLSocketAppender}, {@code ServerSocketAppender}) serialises, so no encoder's bytes pass the
 * {@code OutputStreamAppender} hook. The event is masked in place, by reflection (no class of the agent
 * names a Logback type): its formatted message, which becomes its message while its arguments are dropped
 * so the receiver cannot format the secret again; its MDC values, in a copy (the map may be the logged
 * event's own); and the messages of its throwable, causes and suppressed throwables. Called through the
 * system class loader, so it takes and returns {@code Object}.
 */
public final class SerializedEventHooks {
    /** Replaces each text of an event that could not be masked. */
    static final String WITHHELD = "[logredact: log event withheld: it could not be masked]";

    /** The fields the hook reads or writes, per class: an event's and a throwable's, found once. */
    private static final ClassValue<Map<String, Field>> FIELDS = new ClassValue<Map<String, Field>>() {
        @Override
        protected Map<String, Field> computeValue(Class<?> type) {
            Map<String, Field> fields = new HashMap<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!fields.containsKey(f.getName())) {
                        fields.put(f.getName(), f);
                    }
                }
            }
            return fields;
        }
    };
    private static final ClassValue<Method> FORMATTED_MESSAGE = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                return type.getMethod("getFormattedMessage");
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    private static volatile UnaryOperator<String> masker;

    private SerializedEventHooks() {
    }

    /** Set before the transformer is patched, so the hook never runs without a masker. */
    public static void install(UnaryOperator<String> textMasker) {
        masker = textMasker;
    }

    /**
     * The event masked; its texts withheld when that fails; null, so that nothing is sent, when even
     * that fails. Never throws.
     */
    public static Object maskEvent(Object event) {
        if (event == null) {
            return null;
        }
        try {
            UnaryOperator<String> m = masker;
            if (m == null) {
                throw new IllegalStateException("no masker");
            }
            mask(event, m);
            return event;
        } catch (Throwable t) {
            try {
                mask(event, text -> WITHHELD);
                return event;
            } catch (Throwable again) {
                return null;
            }
        }
    }

    private static void mask(Object event, UnaryOperator<String> m) throws Exception {
        Map<String, Field> fields = FIELDS.get(event.getClass());
        Method formatted = FORMATTED_MESSAGE.get(event.getClass());
        if (formatted == null) {
            throw new NoSuchMethodException(event.getClass().getName() + ".getFormattedMessage()");
        }
        String message = maskText((String) formatted.invoke(event), m);
        set(fields, event, "formattedMessage", message);
        set(fields, event, "message", message);
        set(fields, event, "argumentArray", null);
        Field mdcField = field(fields, "mdcPropertyMap");
        Object mdc = mdcField.get(event);
        if (mdc instanceof Map && !((Map<?, ?>) mdc).isEmpty()) {
            Map<Object, Object> masked = new HashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) mdc).entrySet()) {
                Object value = e.getValue();
                masked.put(e.getKey(), value instanceof String ? maskText((String) value, m) : value);
            }
            mdcField.set(event, masked);
        }
        maskThrowable(field(fields, "throwableProxy").get(event), m, new IdentityHashMap<>());
    }

    /** A {@code ThrowableProxyVO} and every cause and suppressed one under it, each once; class names untouched. */
    private static void maskThrowable(Object proxy, UnaryOperator<String> m, Map<Object, Boolean> seen) throws Exception {
        if (proxy == null || seen.put(proxy, Boolean.TRUE) != null) {
            return;
        }
        Map<String, Field> fields = FIELDS.get(proxy.getClass());
        Field message = field(fields, "message");
        message.set(proxy, maskText((String) message.get(proxy), m));
        Field overriding = fields.get("overridingMessage");
        if (overriding != null) {
            overriding.setAccessible(true);
            overriding.set(proxy, maskText((String) overriding.get(proxy), m));
        }
        maskThrowable(field(fields, "cause").get(proxy), m, seen);
        Object suppressed = field(fields, "suppressed").get(proxy);
        if (suppressed instanceof Object[]) {
            for (Object s : (Object[]) suppressed) {
                maskThrowable(s, m, seen);
            }
        }
    }

    private static String maskText(String text, UnaryOperator<String> m) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = m.apply(text);
        if (masked == null) {
            throw new IllegalStateException("no masked text");
        }
        return masked;
    }

    private static void set(Map<String, Field> fields, Object target, String name, Object value) throws Exception {
        field(fields, name).set(target, value);
    }

    /** A field this Logback version must have, made accessible; a missing one fails the masking. */
    private static Field field(Map<String, Field> fields, String name) throws NoSuchFieldException {
        Field f = fields.get(name);
        if (f == null) {
            throw new NoSuchFieldException(name);
        }
        f.setAccessible(true);
        return f;
    }
}
