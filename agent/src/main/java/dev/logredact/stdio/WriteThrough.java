package dev.logredact.stdio;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Marks the agent's own writes of masked output, so that when they reach a {@code FileOutputStream} on
 * standard output or error they are written as they are, not masked a second time.
 */
final class WriteThrough extends FilterOutputStream {
    private static final ThreadLocal<int[]> DEPTH = new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
            return new int[1];
        }
    };

    WriteThrough(OutputStream target) {
        super(target);
    }

    static boolean active() {
        return DEPTH.get()[0] > 0;
    }

    @Override
    public void write(int b) throws IOException {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            out.write(b);
        } finally {
            depth[0]--;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            out.write(b, off, len);
        } finally {
            depth[0]--;
        }
    }

    @Override
    public void flush() throws IOException {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            out.flush();
        } finally {
            depth[0]--;
        }
    }
}
