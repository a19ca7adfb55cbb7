package dev.logredact.log4j1;

import dev.logredact.serialized.EventMembers;
import dev.logredact.serialized.SerializedEventMasking;

import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What Log4j 1's (and reload4j's) patched {@code SocketAppender#append} and {@code SocketHubAppender#append}
 * call with each event: they send it (and the hub keeps it for clients that connect later) as a
 * Java-serialised {@code LoggingEvent}, past every {@code QuietWriter}. The hook returns the event for
 * the appender to send in its place: a copy, made by reflection with the event's public constructor (no
 * class of the agent names a Log4j type), whose rendered message, NDC, MDC values and throwable text
 * (message, causes, suppressed, every frame) are masked, all else the event's own.
 *
 * <p>A copy, because the appenders that come after get the same event: their text is masked, and
 * counted, where they write it; masked in place, the event would reach a file appender after the socket
 * already masked, and the file's masks would go uncounted. The copy also keeps the socket appender's
 * {@code application} property off the logged event. Called through the system class loader, so it
 * takes and returns {@code Object}.
 */
public final class SocketEventHooks {
    static final String EVENT = "org.apache.log4j.spi.LoggingEvent";

    /** The constructors the copy needs, per event class; null for a version that lacks one. */
    private static final ClassValue<Constructors> CONSTRUCTORS = new ClassValue<Constructors>() {
        @Override
        protected Constructors computeValue(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (c.getName().equals(EVENT)) {
                    return Constructors.of(c);
                }
            }
            return null;
        }
    };

    private static volatile UnaryOperator<String> masker;

    private SocketEventHooks() {
    }

    /** Set before the appenders are patched, so the hook never runs without a masker. */
    public static void install(UnaryOperator<String> textMasker) {
        masker = textMasker;
    }

    /**
     * A masked copy of the event; with its texts withheld when masking fails; null, which the appenders
     * send nothing for, when even that fails (a Log4j before 1.2.15 lacks the constructor). Never throws.
     */
    public static Object maskEvent(Object event) {
        return SerializedEventMasking.masked(event, masker, SocketEventHooks::copy);
    }

    /**
     * The event made again from what it serialises, the lazily computed values (thread, NDC, MDC,
     * rendered message, throwable text) read on the logging thread, as the appenders would read them.
     */
    private static Object copy(Object event, UnaryOperator<String> texts) throws Exception {
        Constructors constructors = CONSTRUCTORS.get(event.getClass());
        if (constructors == null) {
            throw new NoSuchMethodException(EVENT + "(String, Category, long, Level, Object, String, ThrowableInformation,"
                    + " String, LocationInfo, Map)");
        }
        Object logger = EventMembers.call(event, "getLogger");
        if (logger == null) {
            // An event read from another JVM (SocketNode) has only its logger's name, which the constructor takes from a logger.
            logger = constructors.category.newInstance(EventMembers.call(event, "getLoggerName"));
        }
        String[] lines = (String[]) EventMembers.call(event, "getThrowableStrRep");
        Map<?, ?> properties = (Map<?, ?>) EventMembers.call(event, "getProperties");
        return constructors.event.newInstance(
                EventMembers.call(event, "getFQNOfLoggerClass"),
                logger,
                EventMembers.call(event, "getTimeStamp"),
                EventMembers.call(event, "getLevel"),
                texts.apply((String) EventMembers.call(event, "getRenderedMessage")),
                EventMembers.call(event, "getThreadName"),
                lines == null ? null : constructors.throwableInformation.newInstance((Object) maskedLines(lines, texts)),
                texts.apply((String) EventMembers.call(event, "getNDC")),
                EventMembers.get(event, "locationInfo"),
                properties.isEmpty() ? null : SerializedEventMasking.maskedValues(properties, texts));
    }

    /**
     * The throwable's lines masked as one text, so that a secret spanning lines (a key in a message) is
     * found; the masked text is split again where it has line breaks.
     */
    static String[] maskedLines(String[] lines, UnaryOperator<String> texts) {
        if (lines.length == 0) {
            return lines;
        }
        return texts.apply(String.join("\n", lines)).split("\n", -1);
    }

    /** {@code LoggingEvent}'s ten-argument constructor, {@code ThrowableInformation(String[])} and {@code Category(String)}. */
    private static final class Constructors {
        final Constructor<?> event;
        final Constructor<?> throwableInformation;
        final Constructor<?> category;

        private Constructors(Constructor<?> event, Constructor<?> throwableInformation, Constructor<?> category) {
            this.event = event;
            this.throwableInformation = throwableInformation;
            this.category = category;
        }

        /** Those of {@code LoggingEvent} (Log4j 1.2.15 and later, reload4j), or null. */
        static Constructors of(Class<?> loggingEvent) {
            for (Constructor<?> c : loggingEvent.getConstructors()) {
                Class<?>[] p = c.getParameterTypes();
                if (p.length == 10 && p[2] == long.class && p[9] == Map.class) {
                    try {
                        Constructor<?> category = p[1].getDeclaredConstructor(String.class);
                        category.setAccessible(true);
                        return new Constructors(c, p[6].getConstructor(String[].class), category);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return null;
                    }
                }
            }
            return null;
        }
    }
}
