package dev.logredact.stdio;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Masked output gathered until a flush, one write per flush, the two descriptors in the order written. */
class ConsoleOutputTest {
    private final List<String> writes = new ArrayList<>();

    private OutputStream descriptor(String name) {
        return new ByteArrayOutputStream() {
            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(name + ":" + new String(b, off, len, StandardCharsets.UTF_8));
            }

            @Override
            public void close() {
                writes.add(name + " closed");
            }
        };
    }

    private static void write(OutputStream s, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.write(b, 0, b.length);
    }

    @Test
    void linesWaitForTheFlushAndGoInOneWrite() throws Exception {
        ConsoleOutput console = new ConsoleOutput();
        OutputStream out = console.channel(descriptor("out"));
        write(out, "one\n");
        write(out, "two\n");
        assertEquals(List.of(), writes);
        out.flush();
        assertEquals(List.of("out:one\ntwo\n"), writes);
    }

    @Test
    void theTwoDescriptorsKeepTheOrderOfTheWrites() throws Exception {
        ConsoleOutput console = new ConsoleOutput();
        OutputStream out = console.channel(descriptor("out"));
        OutputStream err = console.channel(descriptor("err"));
        write(out, "a1\n");
        write(out, "a2\n");
        write(err, "b1\n");
        write(out, "a3\n");
        err.flush();
        assertEquals(List.of("out:a1\na2\n", "err:b1\n", "out:a3\n"), writes);
    }

    @Test
    void aWriteLargerThanTheBufferGoesAfterWhatIsHeld() throws Exception {
        ConsoleOutput console = new ConsoleOutput();
        OutputStream out = console.channel(descriptor("out"));
        StringBuilder big = new StringBuilder();
        while (big.length() <= ConsoleOutput.CAPACITY) {
            big.append("0123456789abcdef");
        }
        write(out, "held\n");
        write(out, big.toString());
        assertEquals(List.of("out:held\n", "out:" + big), writes);
    }

    @Test
    void closingWritesOutWhatIsHeldThenClosesTheDescriptor() throws Exception {
        ConsoleOutput console = new ConsoleOutput();
        OutputStream out = console.channel(descriptor("out"));
        write(out, "last words\n");
        out.close();
        assertEquals(List.of("out:last words\n", "out closed"), writes);
        assertTrue(writes.size() == 2);
    }
}
