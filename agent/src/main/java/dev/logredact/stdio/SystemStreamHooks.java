package dev.logredact.stdio;

import java.io.PrintStream;

/**
 * What the patched {@code System.setOut} and {@code System.setErr} call, by reflection through the
 * system class loader (the JDK's own classes cannot name agent classes). Never throws: any failure
 * leaves the application's stream as it was.
 */
public final class SystemStreamHooks {
    private static volatile SystemStreams streams;
    /** In a Surefire fork, the stdout present at start-up is Maven's binary event channel: never wrapped. */
    private static volatile PrintStream untouchable;

    private SystemStreamHooks() {
    }

    static void install(SystemStreams installed, PrintStream leaveAlone) {
        untouchable = leaveAlone;
        streams = installed;
    }

    public static PrintStream setOut(PrintStream stream) {
        return wrap(stream, "stdout");
    }

    public static PrintStream setErr(PrintStream stream) {
        return wrap(stream, "stderr");
    }

    private static PrintStream wrap(PrintStream stream, String channel) {
        SystemStreams s = streams;
        if (s == null || stream == null || stream == untouchable) {
            return stream;
        }
        try {
            return s.wrap(stream, channel);
        } catch (Throwable t) {
            return stream;
        }
    }
}
