package dev.logredact.it.apps;

import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.logging.XMLFormatter;

/**
 * Formats a record holding a token with JUL's XMLFormatter and SimpleFormatter, used before the agent
 * (given as the first argument) attaches itself and so retransformed by it, then the number of rounds
 * given. Prints how many records were formatted and how many still held the token. Run interpreted with
 * a small young generation, collections happen while a patched format() is on the stack: HotSpot then
 * computes the method's oop map from its bytecode, and aborts the JVM where the bytecode is not valid.
 */
public final class JulFormatLoopApp {
    private JulFormatLoopApp() {
    }

    public static void main(String[] args) throws Exception {
        Formatter[] formatters = {new XMLFormatter(), new SimpleFormatter()};
        LogRecord record = new LogRecord(Level.INFO, "message token " + LeakyApp.PAT);
        for (Formatter f : formatters) {
            f.format(record);
        }
        SelfAttach.load(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int leaked = 0;
        for (int i = 0; i < rounds; i++) {
            for (Formatter f : formatters) {
                if (f.format(record).contains(LeakyApp.PAT)) {
                    leaked++;
                }
            }
        }
        System.out.println("formatted " + rounds * formatters.length + ", leaked " + leaked);
    }
}
