package dev.logredact.stream;

import dev.logredact.mask.Redactor;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.secrets.SecretRegistry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The false-positive check on the product's own path: real output of clean builds (see
 * corpus/README.md) goes through the stream masker with the default rules, learning included, and must
 * come out byte for byte as it went in.
 */
class CleanBuildOutputTest {
    private static final String[] FILES = {"maven-debug.log", "maven-build.log", "surefire-reports.txt",
        "surefire-reports.xml", "npm-silly.log", "git-log.txt", "jvm-tools.log"};

    @Test
    void noByteOfCleanBuildOutputChanges() throws IOException {
        Redactor redactor = Redactor.builder(RuleSetLoader.defaults()).build();
        long total = 0;
        for (String file : FILES) {
            byte[] input = corpus(file);
            total += input.length;
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length);
            new LineRedactor(redactor, new SecretRegistry(6, 1000, 256 * 1024), StandardCharsets.UTF_8,
                    StreamMasker.RedactionSink.NONE).copy(new ByteArrayInputStream(input), out);
            byte[] output = out.toByteArray();
            assertEquals(firstDifference(input, output), -1, file + " changed at byte " + firstDifference(input, output));
        }
        assertTrue(total > 5_000_000, "only " + total + " bytes of build output");
    }

    private static int firstDifference(byte[] a, byte[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : Math.min(a.length, b.length);
    }

    private static byte[] corpus(String file) throws IOException {
        try (InputStream raw = CleanBuildOutputTest.class.getResourceAsStream("/corpus/" + file + ".gz")) {
            assertNotNull(raw, "corpus file " + file + ".gz is missing");
            return new GZIPInputStream(raw).readAllBytes();
        }
    }
}
