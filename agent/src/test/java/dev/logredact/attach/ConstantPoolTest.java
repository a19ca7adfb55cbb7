package dev.logredact.attach;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConstantPoolTest {
    /** What the JDK writes, less its two length bytes. */
    private static byte[] writeUtf(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeUTF(text);
        byte[] all = bytes.toByteArray();
        return Arrays.copyOfRange(all, 2, all.length);
    }

    @Test
    void textIsEncodedAsTheJdkEncodesClassFileConstants() throws IOException {
        for (String text : new String[] {"", "java/lang/System", "(Ljava/io/PrintStream;)V", "nul\u0000inside",
                "caf\u00e9 \u00ff \u0100 \u07ff \u0800 \u20ac \uffff", "surrogates \ud83d\udd11 alone \ud800"}) {
            assertArrayEquals(writeUtf(text), ConstantPool.modifiedUtf8(text), text);
        }
        Random random = new Random(7);
        for (int n = 0; n < 1000; n++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) (random.nextBoolean() ? random.nextInt(0x100) : random.nextInt(0x10000));
            }
            String text = new String(chars);
            assertArrayEquals(writeUtf(text), ConstantPool.modifiedUtf8(text), text);
        }
    }

    @Test
    void aUtf8EntryIsComparedInPlaceWithTheNamesAsked() throws IOException {
        byte[] classFile = classFileBytes(String.class);
        ConstantPool pool = new ConstantPool(classFile);
        int checked = 0;
        for (int index = 1; index < pool.count(); index++) {
            String text;
            try {
                text = pool.utf8(index);
            } catch (IOException notUtf8) {
                int i = index;
                assertThrows(IOException.class, () -> pool.utf8In(i, java.util.Collections.singletonList("x")));
                continue;
            }
            assertEquals(true, pool.utf8In(index, Arrays.asList("nothing", text)), text);
            assertEquals(false, pool.utf8In(index, Arrays.asList(text + "x", text.isEmpty() ? "y" : text.substring(1))), text);
            checked++;
        }
        assertEquals(true, checked > 100, checked + " entries");
        assertThrows(IOException.class, () -> pool.utf8In(0, java.util.Collections.singletonList("x")));
        assertThrows(IOException.class, () -> pool.utf8In(pool.count(), java.util.Collections.singletonList("x")));
    }

    private static byte[] classFileBytes(Class<?> type) throws IOException {
        try (java.io.InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
