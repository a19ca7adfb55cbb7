package dev.logredact.stdio;

import java.io.PrintStream;

/**
 * What the patched {@code System.setOut} and {@code System.setErr} call (see
 * {@link dev.logredact.attach.EntryHookPatch}). Never throws: any failure leaves the application's
 * stream as it was.
 */
public final class SystemStreamHooks {
    private static volatile SystemStreams streams;
    /** In a Surefire fork, the stdout present at start-up is Maven's binary event channel: never wrapped. */
    private static volatile PrintStream untouchable;
    private static volatile boolean maskOut;
    private static volatile boolean maskErr;

    private SystemStreamHooks() {
    }

    /** Starts wrapping; {@code leaveAlone} is a stream never to wrap, or null. */
    public static void install(SystemStreams installed, PrintStream leaveAlone, boolean stdout, boolean stderr) {
        untouchable = leaveAlone;
        maskOut = stdout;
        maskErr = stderr;
        streams = installed;
    }

    public static Object setOut(Object stream) {
        return maskOut ? wrap(stream, "stdout") : stream;
    }

    public static Object setErr(Object stream) {
        return maskErr ? wrap(stream, "stderr") : stream;
    }

    private static Object wrap(Object stream, String channel) {
        SystemStreams s = streams;
        if (s == null || !(stream instanceof PrintStream) || stream == untouchable) {
            return stream;
        }
        try {
            return s.wrap((PrintStream) stream, channel);
        } catch (Throwable t) {
            return stream;
        }
    }
}
