package dev.logredact.rules;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Build step: compiles the embedded default rules from their TOML, fails on any problem, and writes the
 * binary form that {@link RuleSetLoader#defaults()} loads at start-up. Run by the redactor module's
 * build after its classes are compiled.
 */
public final class DefaultRulesBinary {
    private DefaultRulesBinary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DefaultRulesBinary OUTPUT_FILE");
        }
        RuleSet rules = RuleSetLoader.defaultsFromToml();
        if (!rules.problems().isEmpty()) {
            StringBuilder sb = new StringBuilder("the default rules have problems:");
            for (RuleProblem p : rules.problems()) {
                sb.append('\n').append(p);
            }
            throw new IllegalStateException(sb.toString());
        }
        Path out = Paths.get(args[0]);
        Files.createDirectories(out.getParent());
        try (OutputStream file = Files.newOutputStream(out);
             DataOutputStream data = new DataOutputStream(new BufferedOutputStream(file))) {
            RuleSetCodec.write(rules, data);
        }
    }
}
