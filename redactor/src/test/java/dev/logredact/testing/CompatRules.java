package dev.logredact.testing;

import dev.logredact.rules.RuleSet;
import dev.logredact.rules.RuleSetLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** gitleaks' default config from the shared folder, used only to test compatibility. */
public final class CompatRules {
    private static RuleSet loaded;

    private CompatRules() {
    }

    public static Path path() {
        String configured = System.getProperty("logredact.compat.gitleaks");
        Path p = configured != null ? Paths.get(configured)
                : Paths.get("").toAbsolutePath().resolve("../../shared/compat/gitleaks.toml").normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("gitleaks' config is not at " + p + " (set logredact.compat.gitleaks)");
        }
        return p;
    }

    public static synchronized RuleSet ruleSet() {
        if (loaded == null) {
            try {
                loaded = RuleSetLoader.loadFile(path());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return loaded;
    }
}
