package dev.logredact.slf4j;

import dev.logredact.stdio.SystemStreams;

import java.io.PrintStream;

/**
 * What slf4j-simple's patched {@code OutputChoice#getTargetPrintStream} calls with the stream each event
 * is printed to. {@code System.out}/{@code err} (its default) are already masked; the stream it opens on
 * {@code org.slf4j.simpleLogger.logFile} is not, and is returned wrapped in a masking stream, one per
 * file stream, so messages and stack traces written to the file are masked.
 */
public final class SimpleLoggerHooks {
    /** The class whose {@code getTargetPrintStream} is patched to call {@link #targetStream}. */
    public static final String OUTPUT_CHOICE = "org/slf4j/simple/OutputChoice";
    static final String CHANNEL = "slf4j-simple";

    private static volatile SystemStreams streams;

    private SimpleLoggerHooks() {
    }

    public static void install(SystemStreams masking) {
        streams = masking;
    }

    /** The stream to print to, masked; the stream itself when it masks already. Never throws. */
    public static Object targetStream(Object stream) {
        SystemStreams s = streams;
        if (s == null || !(stream instanceof PrintStream)) {
            return stream;
        }
        // A masking stream (System.out or System.err) comes back as it is, at the cost of a type check.
        return s.wrap((PrintStream) stream, CHANNEL);
    }
}
