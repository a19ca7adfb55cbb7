package dev.logredact.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Base64 texts that contain the value wherever it sits in the encoded data, as in
 * {@code Basic base64(user:secret)}. Base64 encodes 3-byte groups, so the value can start at three
 * alignments. For each, only the characters whose 6 bits all come from the value are kept: the leading
 * characters also carry bits of whatever precedes the value, the last partial one bits of whatever
 * follows. GitHub's runner registers base64 of v, v[1:] and v[2:] with padding, which masks the value only
 * when it ends the data (ADR 0297, reverted in actions/runner #330); these forms need no such luck.
 */
final class Base64Forms {
    private Base64Forms() {
    }

    static Set<String> of(String value, Base64.Encoder encoder) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Set<String> forms = new LinkedHashSet<>();
        for (int filler = 0; filler < 3; filler++) {
            byte[] data = new byte[filler + bytes.length];
            System.arraycopy(bytes, 0, data, filler, bytes.length);
            String encoded = encoder.encodeToString(data);
            // Character i of the output holds bits [6i, 6i + 6) of the input; the value holds bits
            // [8 * filler, 8 * (filler + length)).
            int from = (8 * filler + 5) / 6;
            int to = 8 * (filler + bytes.length) / 6;
            if (to > from) {
                forms.add(encoded.substring(from, to));
            }
            if (filler == 0) {
                // The value encoded on its own, as most logs that print base64 show it.
                forms.add(encoded);
                forms.add(stripPadding(encoded));
            }
        }
        return forms;
    }

    private static String stripPadding(String encoded) {
        int end = encoded.length();
        while (end > 0 && encoded.charAt(end - 1) == '=') {
            end--;
        }
        return encoded.substring(0, end);
    }
}
