package dev.logredact.stream;

import dev.logredact.mask.Redactor;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.testing.FakeSecrets;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineRedactorTest {
    private static final Redactor REDACTOR = Redactor.builder(RuleSetLoader.defaults()).build();

    private static byte[] copy(byte[] input, Charset charset, int maxRead) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LineRedactor(REDACTOR, charset).copy(new TrickleInput(input, maxRead), out);
        return out.toByteArray();
    }

    private static String copy(String input) throws IOException {
        return new String(copy(input.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, 1 << 16), StandardCharsets.UTF_8);
    }

    @Test
    void everyLineTerminatorIsKeptAndSecretsAreMasked() throws IOException {
        String pat = new FakeSecrets(1).githubPat();
        assertEquals("a\r\nb [REDACTED:github-pat]\rc\n\nd [REDACTED:github-pat]",
                copy("a\r\nb " + pat + "\rc\n\nd " + pat));
    }

    @Test
    void bytesThatAreNotValidUtf8PassUnchanged() throws IOException {
        String pat = new FakeSecrets(2).githubPat();
        byte[] input = concat(new byte[] {(byte) 0xff, (byte) 0xfe, 'x', ' '}, pat.getBytes(StandardCharsets.US_ASCII),
                new byte[] {' ', (byte) 0xc3, '\n', (byte) 0x80, 'z', '\n'});
        byte[] expected = concat(new byte[] {(byte) 0xff, (byte) 0xfe, 'x', ' '},
                "[REDACTED:github-pat]".getBytes(StandardCharsets.US_ASCII), new byte[] {' ', (byte) 0xc3, '\n', (byte) 0x80, 'z', '\n'});
        assertArrayEquals(expected, copy(input, StandardCharsets.UTF_8, 1 << 16));
    }

    @Test
    void aPrivateKeyBlockIsMaskedWhole() throws IOException {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                + "QyNTUxOQAAACDz0u9ZRXRmZ1YbUhFmX0sRKxQmYB0kFc8sT6bJd2dq3AAAAJgq4dRPKuHU\n" + "-----END OPENSSH PRIVATE KEY-----";
        String out = copy("[INFO] deploy key:\n" + key + "\n[INFO] done\n");
        // One mask for the whole body; the BEGIN and END lines stay visible.
        assertEquals("[INFO] deploy key:\n-----BEGIN OPENSSH PRIVATE KEY-----\n[REDACTED:private-key]\n"
                + "-----END OPENSSH PRIVATE KEY-----\n[INFO] done\n", out);
    }

    @Test
    void anSsh2KeyBlockIsHeldAndMaskedWhole() throws IOException {
        String body = "AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA3gKl9rF2m5sP0qX4tY8wZ1cV6bN3mR7kL2jH\n"
                + "9fD4sA1gE6hW3qT8yU5iO0pM2nB7vC4xZ9lK3jF6dS1aQ8wE5rT2yU7iO4pL0kJ9hG6fD3sA2\n";
        String out = copy("---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: \"deploy\"\n" + body
                + "---- END SSH2 ENCRYPTED PRIVATE KEY ----\nafter\n");
        assertFalse(out.contains("AAAAB3NzaC1yc2E"), out);
        assertFalse(out.contains("9fD4sA1gE6hW3"), out);
        assertTrue(out.endsWith("after\n"), out);
    }

    @Test
    void aPrivateKeyBlockThatNeverEndsIsStillMasked() throws IOException {
        String out = copy("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nMIIEowIBAAKCAQEAy8Dbv8prpJ/0kKhlGeJY\n"
                + "ozo2t60EG8L0561g13R29LvMR5hyvGZlGJpmn65+A4xHXInJYiPuKzrKfDNSH6Ak\n");
        assertFalse(out.contains("MIIEow"), out);
        assertFalse(out.contains("ENCRYPTED"), out);
        assertTrue(out.startsWith("-----BEGIN RSA PRIVATE KEY-----\n"), out);
    }

    @Test
    void anyReadSizeGivesTheSameOutput() throws IOException {
        FakeSecrets fake = new FakeSecrets(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sb.append(fake.noise(8));
            if (i % 7 == 0) {
                sb.append(' ').append(fake.any());
            }
            sb.append(i % 5 == 0 ? "\r\n" : i % 11 == 0 ? "\r" : "\n");
        }
        byte[] input = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] reference = copy(input, StandardCharsets.UTF_8, 1 << 16);
        Random random = new Random(4);
        for (int trial = 0; trial < 20; trial++) {
            assertArrayEquals(reference, copy(input, StandardCharsets.UTF_8, 1 + random.nextInt(40)));
        }
        assertArrayEquals(reference, copy(input, StandardCharsets.UTF_8, 1));
    }

    @Test
    void aVeryLongLineIsProcessedInPieces() throws IOException {
        String pat = new FakeSecrets(5).githubPat();
        String line = "x".repeat(3 * StreamMasker.MAX_LINE / 2) + " " + pat + "\n";
        String out = copy(line);
        assertFalse(out.contains(pat));
        assertEquals(line.length() - pat.length() + "[REDACTED:github-pat]".length(), out.length());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /** Returns at most {@code maxRead} bytes per read, as pipes do. */
    private static final class TrickleInput extends InputStream {
        private final ByteArrayInputStream in;
        private final int maxRead;

        TrickleInput(byte[] bytes, int maxRead) {
            this.in = new ByteArrayInputStream(bytes);
            this.maxRead = maxRead;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, maxRead));
        }
    }
}
