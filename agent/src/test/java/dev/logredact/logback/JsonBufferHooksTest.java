package dev.logredact.logback;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The hook on a buffer with logstash's ReusableByteBuffer's public methods ({@code toByteArray},
 * {@code reset}, {@code write(byte[], int, int)}): a JDK ByteArrayOutputStream has them all.
 */
class JsonBufferHooksTest {
    private static final String EVENT = "{\"message\":\"token ghp_Kx7Qm2Wn9Lp4Hx7Qm2Wn9Lp4Hx7Qm2Wn9Lp4Ab\"}\n";

    @AfterEach
    void uninstall() {
        JsonBufferHooks.install(null);
    }

    @Test
    void theBufferHoldsTheMaskedBytes() throws IOException {
        JsonBufferHooks.install(bytes -> new String(bytes, StandardCharsets.UTF_8)
                .replaceAll("ghp_\\w+", "[REDACTED:github-pat]").getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"message\":\"token [REDACTED:github-pat]\"}\n", masked(EVENT));
    }

    @Test
    void aBufferWithoutSecretIsLeftAlone() throws IOException {
        JsonBufferHooks.install(bytes -> bytes);
        ByteArrayOutputStream buffer = buffer("{\"message\":\"done\"}\n");
        assertSame(buffer, JsonBufferHooks.maskBuffer(buffer));
        assertEquals("{\"message\":\"done\"}\n", buffer.toString("UTF-8"));
    }

    @Test
    void aFailedMaskingLeavesOneJsonLineWithoutTheSecret() throws IOException {
        JsonBufferHooks.install(bytes -> {
            throw new IOException("engine down");
        });
        assertEquals(JsonBufferHooks.WITHHELD, masked(EVENT));
        JsonBufferHooks.install(bytes -> null);
        assertEquals(JsonBufferHooks.WITHHELD, masked(EVENT));
        JsonBufferHooks.install(null);
        assertEquals(JsonBufferHooks.WITHHELD, masked(EVENT));
    }

    @Test
    void anUnknownBufferOrNullIsReturnedAsItIs() {
        Object other = new Object();
        assertSame(other, JsonBufferHooks.maskBuffer(other));
        assertEquals(null, JsonBufferHooks.maskBuffer(null));
    }

    private static String masked(String event) throws IOException {
        ByteArrayOutputStream buffer = buffer(event);
        assertSame(buffer, JsonBufferHooks.maskBuffer(buffer));
        return buffer.toString("UTF-8");
    }

    private static ByteArrayOutputStream buffer(String text) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        buffer.write(text.getBytes(StandardCharsets.UTF_8));
        return buffer;
    }
}
