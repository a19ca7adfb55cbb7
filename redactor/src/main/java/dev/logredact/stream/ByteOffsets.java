package dev.logredact.stream;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Where each character of a decoded line starts in its bytes, to place masks found in text back in bytes. */
final class ByteOffsets {
    private ByteOffsets() {
    }

    /** offsets[i] = byte offset of char i; offsets[text.length()] = total byte length. */
    static int[] of(String text, Charset charset) {
        int[] offsets = new int[text.length() + 1];
        if (charset.newEncoder().maxBytesPerChar() == 1.0f) {
            for (int i = 0; i <= text.length(); i++) {
                offsets[i] = i;
            }
            return offsets;
        }
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            offsets[i] = at;
            char c = text.charAt(i);
            if (utf8) {
                at += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            } else {
                at += String.valueOf(c).getBytes(charset).length;
            }
        }
        offsets[text.length()] = at;
        return offsets;
    }
}
