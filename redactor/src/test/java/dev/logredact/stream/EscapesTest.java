package dev.logredact.stream;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EscapesTest {

    @Test
    void findsAnEscapeWhereverItIsAndOnlyInTheRange() {
        Random random = new Random(1);
        for (int trial = 0; trial < 20_000; trial++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                // Bytes around ESC's value and with the high bit set try the eight-byte test's edge cases.
                bytes[i] = (byte) (random.nextInt(8) == 0 ? 0x1b : random.nextBoolean() ? 0x1a + random.nextInt(3) : random.nextInt(256));
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            boolean expected = false;
            for (int i = from; i < to; i++) {
                expected |= bytes[i] == 0x1b;
            }
            assertEquals(expected, Escapes.in(bytes, from, to), "trial " + trial);
        }
    }
}
