package dev.logredact.stream;

import dev.logredact.mask.Redactor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Masks a complete text (a log event's rendered message, a formatter's result) with the same rules
 * and known secrets as the streams: lines, private key blocks and known secrets in any of their forms.
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
        if (!mayNeedMasking(text)) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 32);
        StreamMasker masker = new StreamMasker(rules, literals, StandardCharsets.UTF_8, out, sink);
        try {
            masker.write(bytes, 0, bytes.length);
            masker.releaseAll(true);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to be written", e);
        }
        byte[] masked = out.toByteArray();
        return java.util.Arrays.equals(masked, bytes) ? text : new String(masked, StandardCharsets.UTF_8);
    }

    /** The cheap pre-test: no keyword and no known secret means nothing to do, without encoding. */
    private boolean mayNeedMasking(String text) {
        if (!literals.current(StandardCharsets.UTF_8).isEmpty()) {
            return true;
        }
        byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
        return rules.scanner().mayContainSecrets(ascii, 0, ascii.length);
    }
}
