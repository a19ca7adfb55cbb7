package dev.logredact.bench;

import dev.logredact.rules.RuleSet;
import java.nio.file.Path;
import java.nio.file.Paths;

/** gitleaks' default config and the corpus, as the build passes them to the tests. */
final class TestRules {
    private static RuleSet gitleaks;

    private TestRules() {
    }

    static synchronized RuleSet gitleaks() {
        if (gitleaks == null) {
            String configured = System.getProperty("logredact.compat.gitleaks");
            gitleaks = BenchFiles.rules(configured != null ? Paths.get(configured) : BenchFiles.gitleaksToml());
        }
        return gitleaks;
    }

    static Path corpus() {
        String configured = System.getProperty("logredact.corpus");
        return configured != null ? Paths.get(configured) : BenchFiles.corpusDir();
    }
}
