package dev.logredact.stdio;

import dev.logredact.stream.MaskingOutputStream;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;

/**
 * What {@code System.out} and {@code System.err} become: a print stream in the original's charset over
 * a {@link MaskingOutputStream} over the original. Every path of {@link PrintStream} (print, printf,
 * append, format, write) ends in the masking stream, since they all write bytes to {@code out}.
 */
public final class MaskingPrintStream extends PrintStream {
    private final PrintStream original;
    private final MaskingOutputStream masking;
    /** The channel when this wraps the JVM's own standard stream; null for one an application set. */
    private final String standardChannel;

    MaskingPrintStream(PrintStream original, MaskingOutputStream masking, Charset charset, String standardChannel)
            throws UnsupportedEncodingException {
        super(masking, true, charset.name());
        this.original = original;
        this.masking = masking;
        this.standardChannel = standardChannel;
    }

    boolean isStandard(String channel) {
        return channel.equals(standardChannel);
    }

    /** The stream this one masks for; what an application restoring "its" stream gets back. */
    public PrintStream original() {
        return original;
    }

    /** The masking stream under this one, which direct writes to the same descriptor share. */
    public MaskingOutputStream masking() {
        return masking;
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

    /** An error of the original stream is this stream's error too, as it would be without masking. */
    @Override
    public boolean checkError() {
        return super.checkError() || original.checkError();
    }
}
