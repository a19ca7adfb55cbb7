package dev.logredact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logredact.match.Finding;
import dev.logredact.match.PatternScanner;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class LeakLinesTest {
    private static final int SAMPLES = 300;

    /** The benchmark's answer key is only honest if gitleaks' own rules find every generated secret. */
    @ParameterizedTest
    @EnumSource(LeakLines.Kind.class)
    void gitleaksRulesFindEveryGeneratedSecret(LeakLines.Kind kind) {
        PatternScanner scanner = new PatternScanner(TestRules.gitleaks());
        LeakLines leaks = new LeakLines(kind.ordinal());
        for (int i = 0; i < SAMPLES; i++) {
            LeakLines.Leak leak = leaks.next(kind);
            String text = String.join("\n", leak.lines());
            List<Finding> findings = scanner.scan(text);
            for (String secret : leak.secrets()) {
                int at = text.indexOf(secret);
                boolean covered = findings.stream().anyMatch(f -> f.ruleId().equals(kind.ruleId)
                        && f.start() <= at && f.end() >= at + secret.length());
                assertTrue(covered, () -> kind + ": no " + kind.ruleId + " finding covers the secret in\n" + text
                        + "\nfindings: " + findings);
            }
        }
    }

    @Test
    void sameSeedSameLines() {
        LeakLines a = new LeakLines(99);
        LeakLines b = new LeakLines(99);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.next(), b.next());
        }
    }

    @Test
    void everySecretIsLongEnoughForTheLeakCheck() {
        LeakLines leaks = new LeakLines(5);
        for (int i = 0; i < 2000; i++) {
            for (String secret : leaks.next().secrets()) {
                assertTrue(secret.length() >= 16, secret);
            }
        }
    }
}
