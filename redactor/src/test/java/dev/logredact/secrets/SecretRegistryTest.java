package dev.logredact.secrets;

import dev.logredact.mask.Redactor;
import dev.logredact.mask.Span;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.stream.StreamMasker;
import dev.logredact.stream.TextMasker;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretRegistryTest {
    private static final Redactor RULES = Redactor.builder(RuleSetLoader.defaults()).build();

    private static String mask(SecretRegistry registry, String text) {
        return new TextMasker(RULES, registry, StreamMasker.RedactionSink.NONE).mask(text);
    }

    @Test
    void aRegisteredSecretIsMaskedInItsEncodedFormsToo() {
        SecretRegistry registry = new SecretRegistry(6, 100, 10_000);
        assertNull(registry.register(KnownSecret.of(KnownSecret.Source.ENV, "DEPLOY_PASSWORD", "p@ss w0rd&<x>")));
        String basic = Base64.getEncoder().encodeToString("deployer:p@ss w0rd&<x>".getBytes(StandardCharsets.UTF_8));
        String masked = mask(registry, "Authorization: Basic " + basic + "\n"
                + "url https://deployer:p%40ss%20w0rd%26%3Cx%3E@repo.example/\n"
                + "{\"password\":\"p@ss w0rd\\u0026\\u003cx\\u003e\"}\n"
                + "<password>p@ss w0rd&amp;&lt;x&gt;</password>\n");
        assertFalse(masked.contains("w0rd"), masked);
        assertFalse(masked.contains("cEBzcyB3MHJk"), masked);
        assertTrue(masked.contains("[REDACTED:env:DEPLOY_PASSWORD]"), masked);
    }

    @Test
    void refusedValuesAreReportedWithAReasonAndNotMasked() {
        SecretRegistry registry = new SecretRegistry(6, 100, 10_000);
        assertEquals("a common value (true)", registry.register(KnownSecret.of(KnownSecret.Source.ENV, "FLAG_TOKEN", "true")));
        assertTrue(registry.register(KnownSecret.of(KnownSecret.Source.ENV, "SHORT_SECRET", "abc")).startsWith("shorter than 6"));
        assertEquals(0, registry.size());
        assertEquals("true abc", mask(registry, "true abc"));
    }

    @Test
    void aSecretFoundInContextIsMaskedLaterWithoutIt() {
        SecretRegistry registry = new SecretRegistry(6, 100, 10_000);
        String key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8vK2pL9q";
        String first = mask(registry, "aws_secret_access_key = " + key + "\n");
        assertEquals("aws_secret_access_key = [REDACTED:aws-secret-access-key]\n", first);
        assertEquals("java.lang.IllegalStateException: bad key [REDACTED:aws-secret-access-key]",
                mask(registry, "java.lang.IllegalStateException: bad key " + key));
    }

    /**
     * Masked again bare, a learned value is still that rule's finding: the same rule id, kind and
     * fingerprint, and no secret name, as the event for its first masking said.
     */
    @Test
    void aLearnedSecretIsReportedAsTheRuleFindingItWas() {
        SecretRegistry registry = new SecretRegistry(6, 100, 10_000);
        String key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8vK2pL9q";
        List<Span> heard = new ArrayList<>();
        new TextMasker(RULES, registry, heard::add).mask("aws_secret_access_key = " + key + "\nbad key " + key + "\n");
        assertEquals(2, heard.size(), heard.toString());
        for (Span span : heard) {
            assertEquals("aws-secret-access-key", span.label());
            assertEquals(Span.Kind.PATTERN, span.kind());
            assertNull(span.secretName());
            assertEquals(RULES.fingerprinter().fingerprint(key), span.fingerprint());
        }
    }

    @Test
    void aSecretLearnedInOneLineIsMaskedInTheNextLineOfTheSameWrite() {
        SecretRegistry registry = new SecretRegistry(6, 100, 10_000);
        String key = "Qm8pLx2Vw7Rk4Tz9Yc3Hn6Jd1Fs5Ga0Ue8Kb2Mw4";
        assertEquals("aws_secret_access_key = [REDACTED:aws-secret-access-key]\nretrying with [REDACTED:aws-secret-access-key]",
                mask(registry, "aws_secret_access_key = " + key + "\nretrying with " + key));
    }

    @Test
    void learningIsBounded() {
        SecretRegistry registry = new SecretRegistry(6, 2, 10_000);
        registry.learned("r", "first-learned-1");
        registry.learned("r", "second-learned-2");
        registry.learned("r", "third-learned-3");
        assertEquals(2, registry.size());
        assertEquals(1, registry.learnedDropped());
    }

    @Test
    void givenValuesAreToldApartFromLearnedOnes() {
        SecretRegistry registry = new SecretRegistry(6, 100, 10_000);
        registry.register(KnownSecret.of(KnownSecret.Source.ENV, "DEPLOY_TOKEN", "dt-4f9K2mQ8xZ7pL3wR6vB1nC5"));
        registry.register(KnownSecret.of(KnownSecret.Source.API, "VAULT_TOKEN", "vault-s.7fK2pQ9xLm4Wz8Rt"));
        registry.learned("github-pat", "ghp_Kx7Qm2Wn9Lp4Rt6Vy8Bz1Cd3Fg5Hj7Mk9Np2Q");
        assertTrue(registry.isGiven("dt-4f9K2mQ8xZ7pL3wR6vB1nC5"));
        assertTrue(registry.isGiven("vault-s.7fK2pQ9xLm4Wz8Rt"));
        assertFalse(registry.isGiven("ghp_Kx7Qm2Wn9Lp4Rt6Vy8Bz1Cd3Fg5Hj7Mk9Np2Q"));
        assertFalse(registry.isGiven("never-registered"));
    }
}
