package dev.logredact.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A writer that masks secrets before they reach the writer it wraps, with the stream guarantees of
 * {@link MaskingOutputStream}: characters are carried as UTF-8 through a {@link StreamMasker}, so a
 * surrogate pair or a secret split across writes is handled like any split.
 */
public final class MaskingWriter extends Writer {
    private final Writer target;
    private final MaskingOutputStream bytes;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer encoded = ByteBuffer.allocate(8192);
    /** A high surrogate whose low half has not been written yet. */
    private char pendingHigh;

    public MaskingWriter(Writer target, StreamMaskerFactory factory, long idleMillis, boolean withholdOnError) {
        this.target = target;
        OutputStream decoding = new DecodingOutput(target);
        this.bytes = new MaskingOutputStream(decoding, factory.create(decoding), idleMillis, withholdOnError);
    }

    /** Creates the masker for the UTF-8 bytes this writer produces. */
    public interface StreamMaskerFactory {
        StreamMasker create(OutputStream utf8Output);
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        synchronized (lock) {
            CharBuffer in;
            if (pendingHigh != 0) {
                char[] joined = new char[len + 1];
                joined[0] = pendingHigh;
                System.arraycopy(cbuf, off, joined, 1, len);
                in = CharBuffer.wrap(joined);
                pendingHigh = 0;
            } else {
                in = CharBuffer.wrap(cbuf, off, len);
            }
            if (in.hasRemaining() && Character.isHighSurrogate(in.get(in.limit() - 1))) {
                pendingHigh = in.get(in.limit() - 1);
                in.limit(in.limit() - 1);
            }
            while (true) {
                boolean overflow = encoder.encode(in, encoded, false).isOverflow();
                encoded.flip();
                bytes.write(encoded.array(), 0, encoded.limit());
                encoded.clear();
                if (!overflow) {
                    break;
                }
            }
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            bytes.flush();
            target.flush();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (pendingHigh != 0) {
                write(new char[0], 0, 0);
            }
            bytes.close();
        }
    }

    /** Turns the masked UTF-8 back into characters for the wrapped writer. */
    private static final class DecodingOutput extends OutputStream {
        private final Writer target;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer carry = ByteBuffer.allocate(0);
        private final CharBuffer chars = CharBuffer.allocate(8192);

        DecodingOutput(Writer target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer in = ByteBuffer.allocate(carry.remaining() + len);
            in.put(carry).put(b, off, len).flip();
            while (true) {
                boolean overflow = decoder.decode(in, chars, false).isOverflow();
                chars.flip();
                target.write(chars.array(), 0, chars.limit());
                chars.clear();
                if (!overflow) {
                    break;
                }
            }
            carry = in.slice();
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
