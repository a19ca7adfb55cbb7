package dev.logredact.cli;

import dev.logredact.rules.RuleLoadException;
import dev.logredact.rules.RuleProblem;
import dev.logredact.rules.RuleSet;
import dev.logredact.rules.RuleSetCache;
import dev.logredact.rules.RuleSetLoader;
import picocli.CommandLine.Option;

import java.io.PrintStream;

/** The {@code --rules SPEC} option shared by the commands that match rules. */
final class RuleOptions {
    @Option(names = "--rules", paramLabel = "SPEC", defaultValue = "default",
            description = "none, default, or a comma list of default and gitleaks-format TOML files (default: ${DEFAULT-VALUE})")
    String spec;

    /** Loads the rules, printing each problem on {@code err}; a file that cannot be read at all is fatal. */
    RuleSet load(PrintStream err) {
        RuleSet rules = RulePrefetch.take(spec);
        try {
            if (rules == null) {
                rules = RuleSetLoader.load(spec, RuleSetCache.inUserCache());
            }
        } catch (RuleLoadException e) {
            throw new CliException(e.getMessage());
        }
        for (RuleProblem p : rules.problems()) {
            err.println("logredact: " + p);
        }
        return rules;
    }
}
