package dev.logredact.stdio;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What the patched {@code FileOutputStream.write} methods call for writes to standard output or error
 * (see {@code FileDescriptorWritePatch}): the bytes go through the same masking stream as
 * {@code System.out} or {@code System.err}, so the two keep their order. Returns false to let the
 * original write happen: for the agent's own writes, and when nothing is installed.
 */
public final class FileDescriptorHooks {
    private static volatile OutputStream out;
    private static volatile OutputStream err;

    private FileDescriptorHooks() {
    }

    /** The masking streams for standard output and error; null leaves that descriptor alone. */
    public static void install(OutputStream stdout, OutputStream stderr) {
        out = stdout;
        err = stderr;
    }

    public static boolean write(Object stream, byte[] bytes, int offset, int length) {
        OutputStream target = target(stream);
        if (target == null) {
            return false;
        }
        try {
            target.write(bytes, offset, length);
            target.flush();
        } catch (IOException | RuntimeException e) {
            // The masking stream withholds what it failed to mask; an I/O error here would have failed the
            // original write too. Either way the raw bytes must not be written.
        }
        return true;
    }

    public static boolean writeAll(Object stream, byte[] bytes) {
        return write(stream, bytes, 0, bytes.length);
    }

    public static boolean writeByte(Object stream, int b) {
        return write(stream, new byte[] {(byte) b}, 0, 1);
    }

    private static OutputStream target(Object stream) {
        if (WriteThrough.active() || !(stream instanceof FileOutputStream)) {
            return null;
        }
        try {
            FileDescriptor fd = ((FileOutputStream) stream).getFD();
            return fd == FileDescriptor.out ? out : fd == FileDescriptor.err ? err : null;
        } catch (IOException e) {
            return null;
        }
    }
}
