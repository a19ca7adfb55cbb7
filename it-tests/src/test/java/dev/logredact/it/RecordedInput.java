package dev.logredact.it;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that keeps every byte read from it: what came over the wire, for a test to search. */
final class RecordedInput extends FilterInputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    RecordedInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            bytes.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            bytes.write(b, off, n);
        }
        return n;
    }

    /** Every byte read so far. */
    byte[] bytes() {
        return bytes.toByteArray();
    }
}
