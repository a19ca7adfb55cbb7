package dev.logredact.logback;

import dev.logredact.serialized.EventMembers;
import dev.logredact.serialized.SerializedEventMasking;

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
 * event's own); and the messages of its throwable, causes and suppressed throwables. In place, because the
 * value object is made for the socket alone. Called through the system class loader, so it takes and
 * returns {@code Object}.
 */
public final class SerializedEventHooks {
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
        return SerializedEventMasking.masked(event, masker, SerializedEventHooks::mask);
    }

    private static Object mask(Object event, UnaryOperator<String> texts) throws Exception {
        String message = texts.apply((String) EventMembers.call(event, "getFormattedMessage"));
        EventMembers.set(event, "formattedMessage", message);
        EventMembers.set(event, "message", message);
        EventMembers.set(event, "argumentArray", null);
        Object mdc = EventMembers.get(event, "mdcPropertyMap");
        if (mdc instanceof Map && !((Map<?, ?>) mdc).isEmpty()) {
            EventMembers.set(event, "mdcPropertyMap", SerializedEventMasking.maskedValues((Map<?, ?>) mdc, texts));
        }
        maskThrowable(EventMembers.get(event, "throwableProxy"), texts, new IdentityHashMap<>());
        return event;
    }

    /** A {@code ThrowableProxyVO} and every cause and suppressed one under it, each once; class names untouched. */
    private static void maskThrowable(Object proxy, UnaryOperator<String> texts, Map<Object, Boolean> seen) throws Exception {
        if (proxy == null || seen.put(proxy, Boolean.TRUE) != null) {
            return;
        }
        EventMembers.set(proxy, "message", texts.apply((String) EventMembers.get(proxy, "message")));
        if (EventMembers.has(proxy, "overridingMessage")) {
            EventMembers.set(proxy, "overridingMessage", texts.apply((String) EventMembers.get(proxy, "overridingMessage")));
        }
        maskThrowable(EventMembers.get(proxy, "cause"), texts, seen);
        Object suppressed = EventMembers.get(proxy, "suppressed");
        if (suppressed instanceof Object[]) {
            for (Object s : (Object[]) suppressed) {
                maskThrowable(s, texts, seen);
            }
        }
    }
}
