package dev.logredact.cli;

import dev.logredact.rules.Rule;
import dev.logredact.rules.RuleProblem;
import dev.logredact.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code rules check|list}: validate a rule set, or show it. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Validates or lists a rule set.",
        subcommands = {RulesCommand.Check.class, RulesCommand.ListRules.class})
final class RulesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: check or list");
    }

    /** Compiles every rule; exit 1 when any rule or file has an error. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compiles and validates a rule set; errors name the file, line, rule id and position.")
    static final class Check extends StreamsCommand implements Callable<Integer> {
        @Mixin
        RuleOptions rules;

        @Override
        public Integer call() {
            RuleSet rs = rules.load(streams.err);
            long errors = rs.problems().stream().filter(RuleProblem::isError).count();
            long warnings = rs.problems().size() - errors;
            streams.out.println(rules.spec + ": " + rs.rules().size() + " rules loaded, " + errors + " errors, "
                    + warnings + " warnings");
            return errors > 0 ? 1 : 0;
        }
    }

    /** One line per rule: id, keywords, entropy, description, and why it may not apply to logs. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the rules of a rule set.")
    static final class ListRules extends StreamsCommand implements Callable<Integer> {
        @Mixin
        RuleOptions rules;

        @Override
        public Integer call() {
            RuleSet rs = rules.load(streams.err);
            for (Rule r : rs.rules()) {
                StringBuilder line = new StringBuilder(r.id());
                line.append("\tkeywords=").append(String.join(",", r.keywords()));
                if (r.entropy() > 0) {
                    line.append("\tentropy>").append(r.entropy());
                }
                line.append('\t').append(r.description());
                if (!r.hasRegex()) {
                    line.append("\t(path-only rule: ignored for streams and text)");
                } else if (r.path() != null) {
                    line.append("\t(has a path: applies to scanned files only, not to streams)");
                }
                streams.out.println(line);
            }
            return rs.hasErrors() ? 1 : 0;
        }
    }
}
