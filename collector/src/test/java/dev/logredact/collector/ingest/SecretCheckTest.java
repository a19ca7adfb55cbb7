package dev.logredact.collector.ingest;

import dev.logredact.testing.FakeSecrets;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class SecretCheckTest {
    private final SecretCheck check = new SecretCheck();

    /** What real events carry must pass, or the collector would reject the agent's own reports. */
    @Test
    void theValuesOfRealEventsPass() {
        for (String value : List.of("v1:0c1d2e3f405162738495a6b7c8d9eaf0", "env:DB_PASSWORD", "env:AWS_SECRET_ACCESS_KEY",
                "aws-secret-access-key", "generic-api-key", "DB_PASSWORD", "GITHUB_TOKEN", "literal", "base64", "stderr",
                "com.acme.billing.PaymentClient", "pool-3-thread-14", "Masked env:DB_PASSWORD on stderr",
                "Masked aws-access-token (base64) in com.acme.Deploy on logback", "[REDACTED:github-pat]",
                "https://github.com/acme/shop", "https://github.com/acme/shop/actions/runs/1234567/attempts/2",
                "6f1f0c3d2b100a6b0f2e1c7d4f529a516f1f0c3d", "refs/heads/release/2026.03", "0a6b0f2e-1c7d-4f52-9a51-6f1f0c3d2b10",
                "01J5Z7Q8M3X4C2V6B9N1K0P7R5", "runner-7.ci.internal", "logredact.secret.redacted")) {
            assertNull(check.ruleFound(value), value);
        }
    }

    @Test
    void secretsInAnyShapeAreFound() {
        FakeSecrets fake = new FakeSecrets(11);
        for (int i = 0; i < 30; i++) {
            String secret = fake.any();
            assertNotNull(check.ruleFound("thread " + secret), "plain");
            assertNotNull(check.ruleFoundIn(List.of("a", List.of(Map.of("k", secret)))), "nested in a kvlist");
            assertNotNull(check.ruleFoundIn(Map.of(secret, "v")), "as a key");
            assertNotNull(check.ruleFoundIn(("x " + secret).getBytes(StandardCharsets.UTF_8)), "as bytes");
        }
        assertEquals("github-pat", check.ruleFound(new FakeSecrets(1).githubPat()));
        assertNull(check.ruleFoundIn(Map.of("count", 3L, "ok", true, "ratio", 0.5)));
    }
}
