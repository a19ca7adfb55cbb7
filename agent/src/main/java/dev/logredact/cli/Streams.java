package dev.logredact.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The standard streams a command reads and writes. */
final class Streams {
    final InputStream in;
    final PrintStream out;
    final PrintStream err;

    Streams(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }
}
