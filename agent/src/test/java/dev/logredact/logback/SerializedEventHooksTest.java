package dev.logredact.logback;

import dev.logredact.serialized.SerializedEventMasking;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The failure paths, on stand-ins with the fields of Logback's {@code LoggingEventVO} and
 * {@code ThrowableProxyVO} (the agent's tests have no Logback); {@code LogbackSocketIT} runs the real ones.
 */
class SerializedEventHooksTest {
    private static final String SECRET = "ghp_fake";

    /** Formats like Logback's VO: the message with its arguments, once. */
    public static class Event {
        String message = "token {}";
        String formattedMessage;
        Object[] argumentArray = {SECRET};
        Map<String, String> mdcPropertyMap;
        Proxy throwableProxy;

        public String getFormattedMessage() {
            if (formattedMessage == null) {
                formattedMessage = message.replace("{}", argumentArray == null ? "{}" : String.valueOf(argumentArray[0]));
            }
            return formattedMessage;
        }
    }

    public static class Proxy {
        String className = "java.lang.IllegalStateException";
        String message;
        Proxy cause;
        Proxy[] suppressed = {};

        Proxy(String message) {
            this.message = message;
        }
    }

    /** Lacks Logback's fields. */
    public static class Foreign {
        public String getFormattedMessage() {
            return SECRET;
        }
    }

    @AfterEach
    void uninstall() {
        SerializedEventHooks.install(null);
    }

    private static Event event() {
        Event e = new Event();
        e.mdcPropertyMap = new HashMap<>(Collections.singletonMap("session", SECRET));
        e.throwableProxy = new Proxy("bad " + SECRET);
        e.throwableProxy.cause = new Proxy("cause " + SECRET);
        e.throwableProxy.cause.cause = e.throwableProxy;
        e.throwableProxy.suppressed = new Proxy[] {new Proxy("suppressed " + SECRET)};
        return e;
    }

    @Test
    void everyTextIsMaskedAndTheArgumentsDropped() {
        SerializedEventHooks.install(text -> text.replace(SECRET, "[MASKED]"));
        Event e = event();
        Map<String, String> logged = e.mdcPropertyMap;
        assertSame(e, SerializedEventHooks.maskEvent(e));
        assertEquals("token [MASKED]", e.message);
        assertEquals("token [MASKED]", e.getFormattedMessage());
        assertNull(e.argumentArray);
        assertEquals("[MASKED]", e.mdcPropertyMap.get("session"));
        assertEquals(SECRET, logged.get("session"), "the logged event's own map is left alone");
        assertEquals("bad [MASKED]", e.throwableProxy.message);
        assertEquals("cause [MASKED]", e.throwableProxy.cause.message);
        assertEquals("suppressed [MASKED]", e.throwableProxy.suppressed[0].message);
        assertEquals("java.lang.IllegalStateException", e.throwableProxy.className);
    }

    @Test
    void aFailingMaskerWithholdsEveryText() {
        SerializedEventHooks.install(text -> {
            throw new IllegalStateException("the masking engine did not start within 60 s");
        });
        Event e = event();
        assertSame(e, SerializedEventHooks.maskEvent(e));
        assertEquals(SerializedEventMasking.WITHHELD, e.message);
        assertNull(e.argumentArray);
        assertEquals(SerializedEventMasking.WITHHELD, e.mdcPropertyMap.get("session"));
        assertEquals(SerializedEventMasking.WITHHELD, e.throwableProxy.message);
        assertEquals(SerializedEventMasking.WITHHELD, e.throwableProxy.cause.message);
        assertEquals(SerializedEventMasking.WITHHELD, e.throwableProxy.suppressed[0].message);
    }

    @Test
    void withoutAMaskerTheTextsAreWithheld() {
        Event e = event();
        SerializedEventHooks.maskEvent(e);
        assertEquals(SerializedEventMasking.WITHHELD, e.getFormattedMessage());
    }

    @Test
    void anEventThatCannotBeMaskedIsNotSentAtAll() {
        SerializedEventHooks.install(text -> text);
        assertNull(SerializedEventHooks.maskEvent(new Foreign()));
        assertNull(SerializedEventHooks.maskEvent(null));
    }
}
