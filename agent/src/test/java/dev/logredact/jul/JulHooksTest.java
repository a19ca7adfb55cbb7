package dev.logredact.jul;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

public class JulHooksTest {
    private static final String NL = System.lineSeparator();

    @AfterEach
    void uninstall() {
        JulHooks.install(null);
    }

    @Test
    void theTextIsMasked() {
        JulHooks.install(text -> text.replace("ghp_fake", "[REDACTED:github-pat]"));
        assertEquals("INFO: [REDACTED:github-pat]" + NL, JulHooks.format("INFO: ghp_fake" + NL));
        assertNull(JulHooks.format(null));
    }

    @Test
    void aFailureWithholdsTheRecordAndXmlStaysWellFormed() {
        JulHooks.install(text -> {
            throw new IllegalStateException("the masking engine did not start");
        });
        assertEquals(JulHooks.WITHHELD + NL, JulHooks.format("INFO: ghp_fake" + NL));
        assertEquals(JulHooks.WITHHELD_XML + NL, JulHooks.format("<record>\n  <message>ghp_fake</message>\n</record>\n"));
    }

    @Test
    void withoutAMaskerNothingPasses() {
        assertEquals(JulHooks.WITHHELD + NL, JulHooks.format("INFO: ghp_fake" + NL));
    }
}
