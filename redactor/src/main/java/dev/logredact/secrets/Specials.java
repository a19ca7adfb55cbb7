package dev.logredact.secrets;

import java.util.Arrays;

/**
 * Where a value holds the characters an encoder may write otherwise. An encoder makes each of its
 * variants by copying the runs between them whole, so that the value is read character by character
 * once, not once per variant: a private key, most of what a run learns, is 1,700 characters of base64
 * with a special character every few dozen, and gets 16 escaped variants.
 */
final class Specials {
    private Specials() {
    }

    /**
     * The positions in {@code text} of ASCII characters marked in {@code ascii} (128 entries) and, with
     * {@code beyondAscii}, of every other character.
     */
    static int[] in(String text, boolean[] ascii, boolean beyondAscii) {
        int[] at = new int[16];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 ? ascii[c] : beyondAscii) {
                if (n == at.length) {
                    at = Arrays.copyOf(at, n * 2);
                }
                at[n++] = i;
            }
        }
        return Arrays.copyOf(at, n);
    }

    /** A table for {@link #in} marking {@code chars} and, with {@code controls}, every character below a space. */
    static boolean[] ascii(String chars, boolean controls) {
        boolean[] table = new boolean[128];
        for (int c = 0; c < 128; c++) {
            table[c] = chars.indexOf(c) >= 0 || controls && c < 0x20;
        }
        return table;
    }
}
