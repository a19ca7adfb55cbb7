package dev.logredact.stream;

import dev.logredact.mask.Redactor;
import dev.logredact.match.LiteralSet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Masks a complete text (a log event's rendered message, a formatter's result) with the same rules
 * and known secrets as the streams: lines, private key blocks and known secrets in any of their forms.
 * A logging framework calls it once per event, so a text without a rule keyword and without a known
 * secret's form costs two passes over its bytes and no stream masker.
 */
public final class TextMasker {
    private final Redactor rules;
    private final LiteralSource literals;
    private final StreamMasker.RedactionSink sink;

    public TextMasker(Redactor rules, LiteralSource literals, StreamMasker.RedactionSink sink) {
        this.rules = rules;
        this.literals = literals;
        this.sink = sink;
    }

    /** The text masked; the same instance when nothing in it is secret. */
    public String mask(String text) {
        // Keywords are ASCII: Latin-1 bytes find them without encoding the whole text as UTF-8.
        byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
        LiteralSet known = literals.current(StandardCharsets.UTF_8);
        byte[] bytes = known.isEmpty() ? null : text.getBytes(StandardCharsets.UTF_8);
        if (!rules.scanner().mayContainSecrets(ascii, 0, ascii.length) && !mayHoldKnownSecret(known, bytes)) {
            return text;
        }
        byte[] masked = maskAll(bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        return masked == null ? text : new String(masked, StandardCharsets.UTF_8);
    }

    /**
     * Complete lines of text encoded in {@code charset} masked; the same array when nothing in them is
     * secret. Bytes that are not valid in the charset pass through unchanged.
     */
    public byte[] mask(byte[] bytes, Charset charset) {
        if (!rules.scanner().mayContainSecrets(bytes, 0, bytes.length) && !mayHoldKnownSecret(literals.current(charset), bytes)) {
            return bytes;
        }
        byte[] masked = maskAll(bytes, charset);
        return masked == null ? bytes : masked;
    }

    /** The bytes through a stream masker, or null when it changed nothing. */
    private byte[] maskAll(byte[] bytes, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 32);
        StreamMasker masker = new StreamMasker(rules, literals, charset, out, sink);
        try {
            masker.write(bytes, 0, bytes.length);
            masker.releaseAll(true);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to be written", e);
        }
        byte[] masked = out.toByteArray();
        return Arrays.equals(masked, bytes) ? null : masked;
    }

    /**
     * The cheap pre-test for known secrets, the one a log event without any pays: does one of their
     * forms occur in the bytes? Exactly the stream masker's answer where it too would read the raw bytes
     * (no form holds whitespace, no escape sequence); elsewhere, assume yes.
     */
    private static boolean mayHoldKnownSecret(LiteralSet known, byte[] bytes) {
        if (known.isEmpty()) {
            return false;
        }
        if (known.spaced()) {
            return true;
        }
        for (byte b : bytes) {
            if (b == 0x1b) {
                return true;
            }
        }
        boolean[] found = new boolean[1];
        known.index().scan(bytes, 0, bytes.length, (start, end, pattern) -> found[0] = true);
        return found[0];
    }
}
