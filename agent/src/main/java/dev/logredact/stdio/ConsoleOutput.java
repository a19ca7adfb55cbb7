package dev.logredact.stdio;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The masked bytes of standard output and error on their way to the file descriptors: gathered until a
 * flush, then written in one call, in the order they came across the two descriptors (bytes for one
 * write out what the other holds first).
 *
 * <p>Why: {@code System.out} flushes after every line, so without the agent a program that prints a
 * lot makes one {@code write(2)} per line, a large share of its time. Its flushes no longer reach here
 * one by one: {@link WriteBehind} masks many lines at a time and flushes once after them.
 */
final class ConsoleOutput {
    /** A write that does not fit is written at once, after what is held. */
    static final int CAPACITY = 64 * 1024;

    /** Allocated with the first byte: a JVM that never prints pays nothing. */
    private byte[] buffer;
    private int length;
    /** The descriptor whose bytes the buffer holds. */
    private OutputStream holder;

    /** The stream through which one descriptor's masked output passes. */
    OutputStream channel(OutputStream descriptor) {
        return new Channel(this, descriptor);
    }

    synchronized void write(OutputStream descriptor, byte[] b, int off, int len) throws IOException {
        if (holder != descriptor || length + len > CAPACITY) {
            flush();
        }
        if (len > CAPACITY) {
            descriptor.write(b, off, len);
            return;
        }
        if (buffer == null) {
            buffer = new byte[CAPACITY];
        }
        System.arraycopy(b, off, buffer, length, len);
        length += len;
        holder = descriptor;
    }

    synchronized void flush() throws IOException {
        if (length == 0) {
            return;
        }
        int n = length;
        length = 0;
        holder.write(buffer, 0, n);
    }

    /** One descriptor's way in. */
    private static final class Channel extends OutputStream {
        private final ConsoleOutput console;
        private final OutputStream descriptor;

        Channel(ConsoleOutput console, OutputStream descriptor) {
            this.console = console;
            this.descriptor = descriptor;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            console.write(descriptor, b, off, len);
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }

        /** Closing standard output closes the descriptor, as it does without the agent; what is held goes first. */
        @Override
        public void close() throws IOException {
            synchronized (console) {
                console.flush();
                descriptor.close();
            }
        }
    }
}
