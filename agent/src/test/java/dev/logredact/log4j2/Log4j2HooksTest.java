package dev.logredact.log4j2;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class Log4j2HooksTest {
    private static final String LINE = "2026-01-01 INFO app - token ghp_fake\n";

    @AfterEach
    void uninstall() {
        Log4j2Hooks.install(null);
    }

    @Test
    void theBuilderIsMaskedInPlace() {
        Log4j2Hooks.install(text -> text.replace("ghp_fake", "[REDACTED:github-pat]"));
        StringBuilder sb = new StringBuilder(LINE);
        assertSame(sb, Log4j2Hooks.maskBuilder(sb));
        assertEquals("2026-01-01 INFO app - token [REDACTED:github-pat]\n", sb.toString());
    }

    @Test
    void theMaskersStringIsEncoded() {
        Log4j2Hooks.install(text -> "masked\n");
        assertEquals("masked\n", Log4j2Hooks.maskString(LINE));
    }

    @Test
    void aFailingMaskerWithholdsTheEventInsteadOfWritingItRaw() {
        Log4j2Hooks.install(text -> {
            throw new IllegalStateException("the masking engine did not start within 60 s");
        });
        StringBuilder sb = new StringBuilder(LINE);
        Log4j2Hooks.maskBuilder(sb);
        assertEquals(Log4j2Hooks.WITHHELD, sb.toString());
        assertEquals(Log4j2Hooks.WITHHELD, Log4j2Hooks.maskString(LINE));
    }

    @Test
    void aJsonLayoutsEventIsWithheldAsAJsonObject() throws Exception {
        String json = "{\"message\":\"token ghp_fake\"}\n";
        StringBuilder sb = new StringBuilder(json);
        Log4j2Hooks.maskBuilder(sb);
        assertEquals(Log4j2Hooks.WITHHELD_JSON, sb.toString());
        assertEquals(Log4j2Hooks.WITHHELD_JSON, Log4j2Hooks.maskString(json));
        try (JsonParser parser = new JsonFactory().createParser(Log4j2Hooks.WITHHELD_JSON)) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            assertEquals("message", parser.nextFieldName());
            assertEquals("[logredact: log event withheld: it could not be masked]", parser.nextTextValue());
            assertEquals(JsonToken.END_OBJECT, parser.nextToken());
        }
    }

    @Test
    void withoutAMaskerTheEventIsWithheld() {
        StringBuilder sb = new StringBuilder(LINE);
        Log4j2Hooks.maskBuilder(sb);
        assertEquals(Log4j2Hooks.WITHHELD, sb.toString());
        assertEquals(Log4j2Hooks.WITHHELD, Log4j2Hooks.maskString(LINE));
    }

    @Test
    void emptyAndForeignArgumentsPassThrough() {
        StringBuilder empty = new StringBuilder();
        assertSame(empty, Log4j2Hooks.maskBuilder(empty));
        assertEquals("", Log4j2Hooks.maskString(""));
        assertSame(null, Log4j2Hooks.maskBuilder(null));
        assertSame(null, Log4j2Hooks.maskString(null));
    }
}
