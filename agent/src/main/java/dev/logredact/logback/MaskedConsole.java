package dev.logredact.logback;

import dev.logredact.stdio.MaskingPrintStream;

import java.io.OutputStream;
import java.lang.reflect.Method;

/**
 * Whether a Logback appender writes to a standard stream the agent masks already: a
 * {@code ConsoleAppender} writes each event to {@code System.out} or {@code System.err} as they are at
 * that moment, through a stream of Logback's {@code ConsoleTarget}. Masking its bytes in the appender
 * too would scan every console line twice, the costliest part of a logging program's overhead.
 *
 * <p>Proven from the stream, not the appender's class: a subclass with a stream of its own, or Jansi's
 * stream (which holds the {@code System.out} of the appender's start, perhaps from before the agent
 * attached), is masked in the appender as any other.
 */
final class MaskedConsole {
    private static final String CONSOLE_TARGET = "ch.qos.logback.core.joran.spi.ConsoleTarget";

    /** Each appender class's {@code getOutputStream}, found once per class. */
    private static final ClassValue<Method> OUTPUT_STREAM = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                return type.getMethod("getOutputStream");
            } catch (NoSuchMethodException | RuntimeException e) {
                return null;
            }
        }
    };

    /** Whether a stream class is one of {@code ConsoleTarget}'s, which write to the current standard stream. */
    private static final ClassValue<Boolean> TARGET_STREAM = new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.getName().startsWith(CONSOLE_TARGET + "$");
        }
    };

    private MaskedConsole() {
    }

    /** True only when the bytes will certainly pass the agent's masking of standard output or error. */
    static boolean passesMaskedStream(Object appender) throws ReflectiveOperationException {
        if (!(System.out instanceof MaskingPrintStream && System.err instanceof MaskingPrintStream)) {
            return false;
        }
        Method getter = OUTPUT_STREAM.get(appender.getClass());
        if (getter == null) {
            return false;
        }
        Object stream = getter.invoke(appender);
        return stream instanceof OutputStream && TARGET_STREAM.get(stream.getClass());
    }
}
