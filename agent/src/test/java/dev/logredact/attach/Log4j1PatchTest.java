package dev.logredact.attach;

import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.helpers.CyclicBuffer;
import org.apache.log4j.net.SocketAppender;
import org.apache.log4j.net.SocketHubAppender;
import org.apache.log4j.spi.LoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * reload4j's own socket appenders patched: {@code SocketHubAppender} keeps each event it sends in a
 * buffer (for clients that connect later), which shows the event its {@code append} went on with.
 */
class Log4j1PatchTest {
    /** Called by the patched appender through the system class loader, like the agent's hook. */
    public static class Hooks {
        static volatile Object replacement;

        public static Object maskEvent(Object event) {
            return replacement;
        }
    }

    @AfterEach
    void clear() {
        Hooks.replacement = null;
    }

    private static LoggingEvent event(String message) {
        return new LoggingEvent(Logger.class.getName(), Logger.getLogger("app"), Level.INFO, message, null);
    }

    @Test
    void theAppenderGoesOnWithTheEventTheHookReturns() throws Exception {
        LoggingEvent masked = event("masked");
        Hooks.replacement = masked;
        CyclicBuffer kept = append(Hooks.class.getName(), event("logged"));
        assertEquals(1, kept.length());
        assertSame(masked, kept.get(0));
    }

    @Test
    void aNullFromTheHookSendsNothing() throws Exception {
        assertEquals(0, append(Hooks.class.getName(), event("logged")).length());
    }

    @Test
    void aHookThatCannotBeCalledSendsNothing() throws Exception {
        assertEquals(0, append("dev.logredact.NoSuchHooks", event("logged")).length());
    }

    @Test
    void bothSocketAppendersArePatched() throws Exception {
        for (Class<?> appender : new Class<?>[] {SocketAppender.class, SocketHubAppender.class}) {
            String name = appender.getName().replace('.', '/');
            assertNotNull(Log4j1Patch.socketAppender(name, Hooks.class.getName())
                    .transform(null, name, null, null, PatchedClasses.classFile(appender)), name);
        }
    }

    /** What a patched hub appender with a buffer of 4 and no client keeps of one event. */
    private static CyclicBuffer append(String hookClass, LoggingEvent event) throws Exception {
        Object hub = PatchedClasses.instance(SocketHubAppender.class,
                Log4j1Patch.socketAppender(Log4j1Patch.SOCKET_HUB_APPENDER, hookClass));
        hub.getClass().getMethod("setBufferSize", int.class).invoke(hub, 4);
        hub.getClass().getMethod("append", LoggingEvent.class).invoke(hub, event);
        Field buffer = hub.getClass().getDeclaredField("buffer");
        buffer.setAccessible(true);
        return (CyclicBuffer) buffer.get(hub);
    }
}
