package dev.logredact.rules;

import java.util.ArrayList;
import java.util.List;

/** One gitleaks-format TOML file as read, before {@code [extend]} is resolved. */
final class RuleFile {
    final String source;
    final List<RuleDraft> rules = new ArrayList<>();
    final List<AllowlistDraft> globalAllowlists = new ArrayList<>();
    final List<RuleProblem> problems = new ArrayList<>();
    boolean extendsDefault;
    String extendsPath;
    final List<String> disabledRules = new ArrayList<>();

    RuleFile(String source) {
        this.source = source;
    }
}
