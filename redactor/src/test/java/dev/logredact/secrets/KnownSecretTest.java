package dev.logredact.secrets;

import dev.logredact.testing.FakeSecrets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KnownSecretTest {
    private final String token = new FakeSecrets(11).npmToken();

    @Test
    void surroundingWhitespaceAndTheTrailingNewlineAreNotPartOfTheValue() {
        assertEquals(token, KnownSecret.of(KnownSecret.Source.ENV, "NPM_TOKEN", "  \t" + token + " \r\n").value());
        assertEquals("a b\nc d", KnownSecret.of(KnownSecret.Source.API, "x", "\na b\nc d\n\n").value());
    }

    @Test
    void theLabelCombinesSourceAndName() {
        assertEquals("env:NPM_TOKEN", KnownSecret.of(KnownSecret.Source.ENV, "NPM_TOKEN", token).label());
        assertEquals("file:secrets.txt:3", KnownSecret.of(KnownSecret.Source.FILE, "secrets.txt:3", token).label());
        assertEquals("api:deploy", KnownSecret.of(KnownSecret.Source.API, "deploy", token).label());
        assertEquals("learned:npm-access-token",
                KnownSecret.of(KnownSecret.Source.LEARNED, "npm-access-token", token).label());
        assertEquals("secrets.txt:3", KnownSecret.of(KnownSecret.Source.FILE, "secrets.txt:3", token).name());
    }

    @Test
    void toStringNeverShowsTheValue() {
        KnownSecret secret = KnownSecret.of(KnownSecret.Source.ENV, "NPM_TOKEN", token);
        assertEquals("KnownSecret(env:NPM_TOKEN)", secret.toString());
        assertFalse(secret.toString().contains(token));
    }

    @Test
    void anEmptyValueIsABug() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KnownSecret.of(KnownSecret.Source.ENV, "NPM_TOKEN", " \n "));
        assertEquals("the value of env:NPM_TOKEN is empty after trimming", e.getMessage());
    }

    @Test
    void equalityCoversSourceNameAndValue() {
        KnownSecret a = KnownSecret.of(KnownSecret.Source.ENV, "A", token);
        assertEquals(a, KnownSecret.of(KnownSecret.Source.ENV, "A", token + "\n"));
        assertEquals(a.hashCode(), KnownSecret.of(KnownSecret.Source.ENV, "A", token).hashCode());
        assertFalse(a.equals(KnownSecret.of(KnownSecret.Source.API, "A", token)));
        assertFalse(a.equals(KnownSecret.of(KnownSecret.Source.ENV, "B", token)));
    }
}
