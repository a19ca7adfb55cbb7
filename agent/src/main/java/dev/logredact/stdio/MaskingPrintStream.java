package dev.logredact.stdio;

import dev.logredact.stream.MaskingOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * What {@code System.out} and {@code System.err} become: a print stream in the original's charset over
 * a {@link MaskingOutputStream} over the original. Every path of {@link PrintStream} (print, printf,
 * append, format, write) ends in the masking stream, since they all write bytes to {@code out}.
 */
public final class MaskingPrintStream extends PrintStream {
    private final PrintStream original;
    /** What this print stream writes to: the masking stream, or the queue in front of it. */
    private final OutputStream front;
    private final MaskingOutputStream masking;
    private final Charset charset;
    private final byte[] lineSeparator;
    /** The channel when this wraps the JVM's own standard stream; null for one an application set. */
    private final String standardChannel;

    MaskingPrintStream(PrintStream original, OutputStream front, MaskingOutputStream masking, Charset charset,
                       String standardChannel) throws UnsupportedEncodingException {
        super(front, true, charset.name());
        this.original = original;
        this.front = front;
        this.masking = masking;
        this.charset = charset;
        this.lineSeparator = System.lineSeparator().getBytes(charset);
        this.standardChannel = standardChannel;
    }

    boolean isStandard(String channel) {
        return channel.equals(standardChannel);
    }

    /** The stream this one masks for; what an application restoring "its" stream gets back. */
    public PrintStream original() {
        return original;
    }

    /** The stream under this one, which direct writes to the same descriptor share, so the two keep their order. */
    OutputStream front() {
        return front;
    }

    /** Writes out whatever is held, as at exit; the original stream stays open. */
    public void drain() {
        synchronized (this) {
            super.flush();
            try {
                masking.drain();
            } catch (IOException e) {
                setError();
            }
        }
    }

    /**
     * The line and its separator as one write and one flush. {@code PrintStream} would print a subclass's
     * line as text, then the separator, each a write and a flush of the masking stream under it: per
     * line, masking's fixed costs twice and three times its lock.
     */
    @Override
    public void println(String x) {
        byte[] text = String.valueOf(x).getBytes(charset);
        byte[] line = Arrays.copyOf(text, text.length + lineSeparator.length);
        System.arraycopy(lineSeparator, 0, line, text.length, lineSeparator.length);
        // PrintStream's own write: its lock, its error flag, and the flush a print stream that flushes
        // at line ends owes after a write.
        write(line, 0, line.length);
    }

    @Override
    public void println(Object x) {
        println(String.valueOf(x));
    }

    /** An error of the original stream is this stream's error too, as it would be without masking. */
    @Override
    public boolean checkError() {
        return super.checkError() || original.checkError();
    }
}
