package dev.logredact.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns merged drafts into compiled rules with re2j. A rule that does not compile is reported with
 * its file, line, id and the position in the pattern, and left out; the others still load.
 */
final class RuleCompiler {
    private final List<RuleProblem> problems;

    RuleCompiler(List<RuleProblem> problems) {
        this.problems = problems;
    }

    RuleSet compile(List<RuleDraft> drafts, List<AllowlistDraft> globalDrafts, String globalSource) {
        Map<String, List<Allowlist>> targeted = new LinkedHashMap<>();
        List<Allowlist> global = new ArrayList<>();
        for (AllowlistDraft draft : globalDrafts) {
            Allowlist allowlist = allowlist(draft, globalSource, 0, null);
            if (allowlist == null) {
                continue;
            }
            if (draft.targetRules.isEmpty()) {
                global.add(allowlist);
            }
            for (String target : draft.targetRules) {
                targeted.computeIfAbsent(target, k -> new ArrayList<>()).add(allowlist);
            }
        }
        List<Rule> rules = new ArrayList<>();
        for (RuleDraft draft : drafts) {
            Rule rule = rule(draft, targeted.remove(draft.id));
            if (rule != null) {
                rules.add(rule);
            }
        }
        for (String unknown : targeted.keySet()) {
            problems.add(new RuleProblem(RuleProblem.Severity.WARNING, globalSource, 0, null,
                    "an allowlist targets rule '" + unknown + "', which does not exist"));
        }
        rules.sort(Comparator.comparing(Rule::id));
        return new RuleSet(rules, global, problems);
    }

    private Rule rule(RuleDraft d, List<Allowlist> targeted) {
        if (d.regex == null && d.path == null) {
            // Checked only after [extend] merging: an extending file may override just a rule's keywords.
            problems.add(new RuleProblem(RuleProblem.Severity.ERROR, d.source, d.line, d.id, "a rule needs a regex or a path"));
            return null;
        }
        Pattern regex = null;
        if (d.regex != null) {
            regex = pattern(d.regex, "regex", d.source, d.line, d.id);
            if (regex == null) {
                return null;
            }
        }
        Pattern path = null;
        if (d.path != null) {
            path = pattern(d.path, "path", d.source, d.line, d.id);
            if (path == null) {
                return null;
            }
        }
        int group = d.secretGroup == null ? 0 : d.secretGroup;
        if (group < 0 || (regex != null && group > regex.groupCount())) {
            problems.add(new RuleProblem(RuleProblem.Severity.ERROR, d.source, d.line, d.id, "secretGroup " + group
                    + " is out of range: the regex has " + (regex == null ? 0 : regex.groupCount()) + " groups"));
            return null;
        }
        double entropy = d.entropy == null ? 0 : d.entropy;
        if (entropy < 0 || Double.isNaN(entropy)) {
            problems.add(new RuleProblem(RuleProblem.Severity.ERROR, d.source, d.line, d.id,
                    "entropy must be a number of at least 0"));
            return null;
        }
        List<Allowlist> allowlists = new ArrayList<>();
        for (AllowlistDraft a : d.allowlists) {
            Allowlist allowlist = allowlist(a, d.source, d.line, d.id);
            if (allowlist == null) {
                return null;
            }
            allowlists.add(allowlist);
        }
        if (targeted != null) {
            allowlists.addAll(targeted);
        }
        if (regex != null && d.keywords.isEmpty()) {
            problems.add(new RuleProblem(RuleProblem.Severity.WARNING, d.source, d.line, d.id,
                    "no keywords: the regex runs on every line, which is slow"));
        }
        String description = d.description == null ? "" : d.description;
        return new Rule(d.id, description, LazyPattern.compiled(regex), LazyPattern.compiled(path), group, entropy,
                d.keywords, d.tags, allowlists, d.source);
    }

    private Allowlist allowlist(AllowlistDraft d, String source, int line, String ruleId) {
        Pattern regexes = null;
        if (!d.regexes.isEmpty()) {
            regexes = pattern(joinedAlternatives(d.regexes), "allowlist regexes", source, line, ruleId);
            if (regexes == null) {
                return null;
            }
        }
        Pattern paths = null;
        if (!d.paths.isEmpty()) {
            paths = pattern(joinedAlternatives(d.paths), "allowlist paths", source, line, ruleId);
            if (paths == null) {
                return null;
            }
        }
        Allowlist.Condition condition = Allowlist.Condition.valueOf(d.condition);
        Allowlist.Target target = Allowlist.Target.valueOf(d.regexTarget.toUpperCase(java.util.Locale.ROOT));
        return new Allowlist(d.description, condition, target, LazyPattern.compiled(regexes), LazyPattern.compiled(paths),
                d.stopwords, d.commits);
    }

    /**
     * Joined exactly as gitleaks joins them, so a leading {@code (?i)} in one alternative also applies
     * to the later ones, as it does there.
     */
    private static String joinedAlternatives(List<String> patterns) {
        return "(?:" + String.join("|", patterns) + ")";
    }

    private Pattern pattern(String source, String what, String file, int line, String ruleId) {
        try {
            return Pattern.compile(source);
        } catch (PatternSyntaxException e) {
            int column = e.getPattern().isEmpty() ? -1 : source.indexOf(e.getPattern());
            String at = column >= 0 ? " at column " + (column + 1) : "";
            problems.add(new RuleProblem(RuleProblem.Severity.ERROR, file, line, ruleId,
                    what + " does not compile" + at + ": " + e.getDescription()
                            + (e.getPattern().isEmpty() ? "" : " `" + e.getPattern() + "`")));
            return null;
        }
    }
}
