package dev.logredact.stream;

import dev.logredact.mask.Redactor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * Copies a byte stream to another, masking secrets, as {@code redact} does: a {@link StreamMasker}
 * fed from an input stream until its end.
 */
public final class LineRedactor {
    private final Redactor redactor;
    private final LiteralSource literals;
    private final Charset charset;
    private final StreamMasker.RedactionSink sink;

    public LineRedactor(Redactor redactor, Charset charset) {
        this(redactor, LiteralSource.NONE, charset, StreamMasker.RedactionSink.NONE);
    }

    public LineRedactor(Redactor redactor, LiteralSource literals, Charset charset, StreamMasker.RedactionSink sink) {
        this.redactor = redactor;
        this.literals = literals;
        this.charset = charset;
        this.sink = sink;
    }

    /** Copies {@code in} to {@code out} until end of input, masking; does not close either. */
    public void copy(InputStream in, OutputStream out) throws IOException {
        StreamMasker masker = new StreamMasker(redactor, literals, charset, out, sink);
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            masker.write(buffer, 0, n);
        }
        masker.releaseAll(true);
    }
}
