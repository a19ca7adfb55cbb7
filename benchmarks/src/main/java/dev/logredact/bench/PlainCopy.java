package dev.logredact.bench;

import java.io.IOException;

/**
 * Baseline (c), the floor: copies stdin to stdout line by line with the same reader and writer as the
 * other baselines, and does nothing else.
 */
public final class PlainCopy {
    private PlainCopy() {
    }

    public static void main(String[] args) throws IOException {
        LineFilter.run(line -> line);
    }
}
