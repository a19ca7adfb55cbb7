package dev.logredact.stream;

import java.nio.ByteBuffer;

/** Whether bytes hold an ESC, the start of a terminal escape sequence: most output holds none. */
final class Escapes {
    private static final long ESC = 0x1b1b1b1b1b1b1b1bL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Escapes() {
    }

    /** True when {@code bytes[from, to)} holds an ESC. Eight bytes per step: a byte equal to ESC is a zero byte of the XOR. */
    static boolean in(byte[] bytes, int from, int to) {
        ByteBuffer words = ByteBuffer.wrap(bytes);
        int i = from;
        for (int last = to - 8; i <= last; i += 8) {
            long v = words.getLong(i) ^ ESC;
            if (((v - ONES) & ~v & HIGHS) != 0) {
                return true;
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == 0x1b) {
                return true;
            }
        }
        return false;
    }
}
