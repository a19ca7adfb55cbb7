package dev.logredact.secrets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SecretRefusalTest {
    @Test
    void emptyAndWhitespaceOnly() {
        assertEquals("empty", SecretRefusal.reason(null, 6));
        assertEquals("empty", SecretRefusal.reason("", 6));
        assertEquals("whitespace only", SecretRefusal.reason(" \t\r\n\u00a0", 6));
    }

    @Test
    void lengthIsCountedInCharactersAfterTrimming() {
        assertEquals("shorter than 6 characters", SecretRefusal.reason("  aB3xZ \n", 6));
        assertNull(SecretRefusal.reason("  aB3xZq \n", 6));
        // Five characters, but more than six UTF-16 units and bytes.
        assertEquals("shorter than 6 characters", SecretRefusal.reason("é\uD83D\uDE00ü\uD83D\uDE01ß", 6));
        assertNull(SecretRefusal.reason("aB3", 3));
    }

    @Test
    void commonValuesAreRefusedWhateverTheirCase() {
        assertEquals("a common value (true)", SecretRefusal.reason("TRUE", 1));
        assertEquals("a common value (undefined)", SecretRefusal.reason("undefined", 6));
        assertEquals("a common value (changeme)", SecretRefusal.reason(" ChangeMe ", 6));
        assertEquals("a common value (postgres)", SecretRefusal.reason("postgres", 6));
        assertEquals("a common value (no)", SecretRefusal.reason("no", 2));
        assertNull(SecretRefusal.reason("postgres-7Kq2", 6));
    }

    @Test
    void numbersAreRefusedWithoutShowingThem() {
        assertEquals("a number", SecretRefusal.reason("12345678", 6));
        assertEquals("a number", SecretRefusal.reason("1.2.3-45", 6));
        assertEquals("a number", SecretRefusal.reason("2026-08-22", 6));
        assertNull(SecretRefusal.reason("1234567a", 6));
        assertNull(SecretRefusal.reason("+1234567", 6));
    }

    @Test
    void oneRepeatedCharacterIsRefused() {
        assertEquals("made of one character", SecretRefusal.reason("********", 6));
        assertEquals("made of one character", SecretRefusal.reason("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 3));
        assertEquals("made of one character", SecretRefusal.reason("x", 1));
        assertEquals("a number", SecretRefusal.reason("000000", 6));
        assertNull(SecretRefusal.reason("*******x", 6));
    }

    @Test
    void aMinimumBelowOneOnlyRefusesEmptyValues() {
        assertNull(SecretRefusal.reason("ab", 0));
        assertEquals("empty", SecretRefusal.reason("", 0));
    }
}
