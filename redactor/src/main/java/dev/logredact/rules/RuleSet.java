package dev.logredact.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The rules in force, the allowlists that apply to all of them, and what went wrong loading them. */
public final class RuleSet {
    public static final RuleSet EMPTY = new RuleSet(Collections.<Rule>emptyList(),
            Collections.<Allowlist>emptyList(), Collections.<RuleProblem>emptyList());

    private final List<Rule> rules;
    private final List<Allowlist> globalAllowlists;
    private final List<RuleProblem> problems;

    public RuleSet(List<Rule> rules, List<Allowlist> globalAllowlists, List<RuleProblem> problems) {
        this.rules = Collections.unmodifiableList(new ArrayList<>(rules));
        this.globalAllowlists = Collections.unmodifiableList(new ArrayList<>(globalAllowlists));
        this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
    }

    /** Sorted by id, as gitleaks sorts them. */
    public List<Rule> rules() {
        return rules;
    }

    public List<Allowlist> globalAllowlists() {
        return globalAllowlists;
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    public boolean hasErrors() {
        for (RuleProblem p : problems) {
            if (p.isError()) {
                return true;
            }
        }
        return false;
    }

    public Rule rule(String id) {
        for (Rule r : rules) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }
}
