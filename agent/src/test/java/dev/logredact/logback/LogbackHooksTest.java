package dev.logredact.logback;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LogbackHooksTest {
    private static final byte[] LINE = "2026-01-01 INFO app - token ghp_fake\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WITHHELD = LogbackHooks.WITHHELD.getBytes(StandardCharsets.UTF_8);

    @AfterEach
    void uninstall() {
        LogbackHooks.install(null);
    }

    @Test
    void theMaskersResultIsWritten() {
        byte[] masked = "masked\n".getBytes(StandardCharsets.UTF_8);
        LogbackHooks.install(bytes -> masked);
        assertSame(masked, LogbackHooks.maskBytes(LINE));
    }

    @Test
    void aFailingMaskerWithholdsTheEventInsteadOfWritingItRaw() {
        LogbackHooks.install(bytes -> {
            throw new IllegalStateException("the masking engine did not start within 60 s");
        });
        assertArrayEquals(WITHHELD, (byte[]) LogbackHooks.maskBytes(LINE));
    }

    @Test
    void withoutAMaskerTheEventIsWithheld() {
        assertArrayEquals(WITHHELD, (byte[]) LogbackHooks.maskBytes(LINE));
    }

    @Test
    void emptyAndForeignArgumentsPassThrough() {
        byte[] empty = new byte[0];
        assertSame(empty, LogbackHooks.maskBytes(empty));
        assertSame(null, LogbackHooks.maskBytes(null));
    }
}
