package dev.logredact.stream;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a line's bytes into text and back without changing a byte that is not masked. Bytes that are
 * not valid in the charset are read as ISO-8859-1, which maps every byte to one character and back.
 */
final class LineText {
    private final Charset charset;
    /** Made on first use: most lines are never decoded. */
    private CharsetDecoder strict;
    /** ASCII bytes are these characters one for one: the common line needs no decoder. */
    private final boolean asciiCompatible;

    LineText(Charset charset) {
        this.charset = charset;
        this.asciiCompatible = charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)
                || charset.equals(StandardCharsets.ISO_8859_1);
    }

    byte[] encode(CharSequence s) {
        return s.toString().getBytes(charset);
    }

    /** The decoded text and the charset that round-trips it. */
    Decoded decode(byte[] bytes, int offset, int length) {
        if (asciiCompatible && isAscii(bytes, offset, length)) {
            return new Decoded(new String(bytes, offset, length, StandardCharsets.ISO_8859_1), charset);
        }
        if (strict == null) {
            strict = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        try {
            CharBuffer chars = strict.decode(ByteBuffer.wrap(bytes, offset, length));
            return new Decoded(chars.toString(), charset);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, offset, length, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        }
    }

    private static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    static final class Decoded {
        final String text;
        final Charset charset;

        Decoded(String text, Charset charset) {
            this.text = text;
            this.charset = charset;
        }

        byte[] encode(CharSequence s) {
            return s.toString().getBytes(charset);
        }
    }
}
