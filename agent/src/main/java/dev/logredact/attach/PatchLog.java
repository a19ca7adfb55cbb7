package dev.logredact.attach;

import java.io.PrintStream;

/**
 * Where patches say, with {@code logredact.debug=true}, what they left alone: a library version
 * without the hooked method is skipped with one line on stderr, never an error.
 */
final class PatchLog {
    private static volatile PrintStream debug;

    private PatchLog() {
    }

    /** Turns the lines on, to {@code err}; null turns them off. */
    static void debugTo(PrintStream err) {
        debug = err;
    }

    static void skipped(String internalName, String why) {
        PrintStream out = debug;
        if (out != null) {
            out.println("logredact: debug: " + internalName.replace('/', '.') + " left unpatched: " + why);
        }
    }
}
