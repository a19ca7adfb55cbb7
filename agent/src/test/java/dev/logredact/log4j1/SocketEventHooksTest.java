package dev.logredact.log4j1;

import dev.logredact.serialized.SerializedEventMasking;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.MDC;
import org.apache.log4j.NDC;
import org.apache.log4j.spi.LoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The copy a Log4j 1 socket appender sends, made from real reload4j events. */
class SocketEventHooksTest {
    private static final String SECRET = "ghp_" + "Kx7Qm2Wn9Lp4Rt6Yv8Zb3Nc5Hd1Jf0Gs2Aq";
    private static final Logger LOGGER = Logger.getLogger("app.payments");

    @AfterEach
    void clean() {
        SocketEventHooks.install(null);
        MDC.remove("session");
        NDC.remove();
    }

    /** An error event logged with a secret in its message, MDC, NDC, exception and cause, as a logger makes it. */
    private static LoggingEvent event() {
        MDC.put("session", SECRET);
        NDC.push("job " + SECRET);
        IllegalStateException failure = new IllegalStateException("bad credentials " + SECRET, new RuntimeException("cause " + SECRET));
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), LOGGER, Level.ERROR, "token " + SECRET, failure);
        // Read on the logging thread, as an AsyncAppender does before its own thread takes the event; then gone from
        // the thread, so that the copy cannot find them there.
        event.getNDC();
        event.getMDCCopy();
        MDC.remove("session");
        NDC.remove();
        return event;
    }

    private static LoggingEvent masked(LoggingEvent event) {
        SocketEventHooks.install(text -> text.replace(SECRET, "[MASKED]"));
        return (LoggingEvent) SocketEventHooks.maskEvent(event);
    }

    @Test
    void everyTextIsMaskedInACopyAndTheLoggedEventIsLeftAlone() {
        MDC.put("session", SECRET);
        NDC.push("job " + SECRET);
        IllegalStateException failure = new IllegalStateException("bad credentials " + SECRET, new RuntimeException("cause " + SECRET));
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), LOGGER, Level.ERROR, "token " + SECRET, failure);
        LoggingEvent copy = masked(event);
        MDC.remove("session");
        NDC.remove();

        assertNotSame(event, copy);
        assertEquals("token [MASKED]", copy.getRenderedMessage());
        assertEquals("[MASKED]", copy.getMDC("session"));
        assertEquals("job [MASKED]", copy.getNDC());
        String trace = String.join("\n", copy.getThrowableStrRep());
        assertTrue(trace.startsWith("java.lang.IllegalStateException: bad credentials [MASKED]\n\tat "), trace);
        assertTrue(trace.contains("\nCaused by: java.lang.RuntimeException: cause [MASKED]\n"), trace);
        assertFalse(trace.contains(SECRET), trace);
        assertEquals(event.getThrowableStrRep().length, copy.getThrowableStrRep().length);
        assertSame(LOGGER, copy.getLogger());
        assertEquals("app.payments", copy.getLoggerName());
        assertEquals(Level.ERROR, copy.getLevel());
        assertEquals(event.getTimeStamp(), copy.getTimeStamp());
        assertEquals(event.getThreadName(), copy.getThreadName());
        assertEquals(Logger.class.getName(), copy.getFQNOfLoggerClass());

        assertEquals("token " + SECRET, event.getRenderedMessage());
        assertEquals(SECRET, event.getMDC("session"));
        assertEquals("job " + SECRET, event.getNDC());
        assertTrue(event.getThrowableStrRep()[0].endsWith(SECRET));
        assertSame(failure, event.getThrowableInformation().getThrowable());
    }

    /** What the appender writes: the copy, with the property it adds, serialised. */
    @Test
    void theSerialisedCopyHoldsNoSecret() throws Exception {
        LoggingEvent copy = masked(event());
        copy.getLocationInformation();
        copy.setProperty("application", "billing");
        byte[] bytes = serialised(copy);
        assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains("Kx7Qm2Wn9Lp4"), "a secret on the wire");

        LoggingEvent received = read(bytes);
        assertEquals("token [MASKED]", received.getRenderedMessage());
        assertEquals("[MASKED]", received.getMDC("session"));
        assertEquals("billing", received.getMDC("application"));
        assertEquals("job [MASKED]", received.getNDC());
        assertArrayEquals(copy.getThrowableStrRep(), received.getThrowableStrRep());
        assertEquals("app.payments", received.getLoggerName());
        assertEquals(Level.ERROR, received.getLevel());
        assertEquals(copy.getLocationInformation().getMethodName(), received.getLocationInformation().getMethodName());
    }

    @Test
    void theLocationAlreadyFoundIsKept() {
        LoggingEvent event = event();
        event.getLocationInformation();
        assertSame(event.getLocationInformation(), masked(event).getLocationInformation());
    }

    /** A receiving server (SocketNode) hands on events without a logger, only its name; a relay sends them on. */
    @Test
    void anEventReadFromAnotherJvmKeepsItsLoggerName() throws Exception {
        LoggingEvent relayed = read(serialised(event()));
        assertNull(relayed.getLogger());
        LoggingEvent copy = masked(relayed);
        assertEquals("app.payments", copy.getLoggerName());
        assertEquals("token [MASKED]", copy.getRenderedMessage());
        assertEquals("[MASKED]", copy.getMDC("session"));
        assertEquals("app.payments", read(serialised(copy)).getLoggerName());
    }

    @Test
    void aSecretAcrossTheThrowablesLinesIsMaskedWhole() {
        String[] lines = {"java.lang.IllegalStateException: key -----BEGIN KEY-----", "c2VjcmV0 -----END KEY-----", "\tat a.B.c(B.java:1)"};
        String[] masked = SocketEventHooks.maskedLines(lines, text -> text.replaceAll("(?s)-----BEGIN KEY.*END KEY-----", "[MASKED]"));
        assertArrayEquals(new String[] {"java.lang.IllegalStateException: key [MASKED]", "\tat a.B.c(B.java:1)"}, masked);
        assertEquals(0, SocketEventHooks.maskedLines(new String[0], text -> "x").length);
    }

    @Test
    void anEventWithoutMdcNdcOrThrowableIsCopiedWithoutThem() {
        LoggingEvent copy = masked(new LoggingEvent(Logger.class.getName(), LOGGER, Level.INFO, "plain", null));
        assertEquals("plain", copy.getRenderedMessage());
        assertNull(copy.getThrowableStrRep());
        assertNull(copy.getNDC());
        assertTrue(copy.getProperties().isEmpty());
    }

    @Test
    void aFailingMaskerWithholdsEveryText() {
        SocketEventHooks.install(text -> {
            throw new IllegalStateException("the masking engine did not start within 60 s");
        });
        LoggingEvent copy = (LoggingEvent) SocketEventHooks.maskEvent(event());
        assertWithheld(copy);
    }

    @Test
    void withoutAMaskerTheTextsAreWithheld() {
        assertWithheld((LoggingEvent) SocketEventHooks.maskEvent(event()));
    }

    private static void assertWithheld(LoggingEvent copy) {
        String withheld = SerializedEventMasking.WITHHELD;
        assertEquals(withheld, copy.getRenderedMessage());
        assertEquals(withheld, copy.getMDC("session"));
        assertEquals(withheld, copy.getNDC());
        assertEquals(Arrays.asList(withheld), Arrays.asList(copy.getThrowableStrRep()));
        assertEquals("app.payments", copy.getLoggerName());
    }

    @Test
    void whatIsNoLog4jEventIsNotSentAtAll() {
        SocketEventHooks.install(text -> text);
        assertNull(SocketEventHooks.maskEvent("token " + SECRET));
        assertNull(SocketEventHooks.maskEvent(null));
    }

    private static byte[] serialised(LoggingEvent event) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(event);
        }
        return bytes.toByteArray();
    }

    private static LoggingEvent read(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (LoggingEvent) in.readObject();
        }
    }
}
