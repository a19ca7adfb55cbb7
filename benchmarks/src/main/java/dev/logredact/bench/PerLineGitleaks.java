package dev.logredact.bench;

import com.google.re2j.Matcher;
import dev.logredact.match.Finding;
import dev.logredact.match.FindingFilter;
import dev.logredact.rules.Rule;
import dev.logredact.rules.RuleSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Baseline (b): gitleaks' rules applied the way log pipelines apply them today. Per line: lower-case
 * it, test each rule's keywords with {@code String.contains}, run every rule that passes over the whole
 * line with re2j, keep what the engine's shared {@link FindingFilter} keeps, and mask like the product
 * ({@code [REDACTED:<rule-id>]}, overlapping spans merged). No automaton, no window, no probe: the
 * difference to the product is the matching strategy alone.
 *
 * <p>{@code java -cp benchmarks.jar dev.logredact.bench.PerLineGitleaks --rules gitleaks.toml <in >out}
 */
public final class PerLineGitleaks {
    private final Rule[] rules;
    private final String[][] keywords;
    private final FindingFilter filter;

    public PerLineGitleaks(RuleSet ruleSet) {
        List<Rule> usable = new ArrayList<>();
        for (Rule r : ruleSet.rules()) {
            // The product skips these too: a path-only rule, or one limited to some paths, has no path here.
            if (r.appliesToStreams()) {
                usable.add(r);
            }
        }
        rules = usable.toArray(new Rule[0]);
        keywords = new String[rules.length][];
        for (int i = 0; i < rules.length; i++) {
            keywords[i] = rules[i].keywords().toArray(new String[0]);
        }
        filter = new FindingFilter(ruleSet, false);
    }

    public static void main(String[] args) throws IOException {
        PerLineGitleaks redactor = new PerLineGitleaks(BenchFiles.rulesOption(args));
        LineFilter.run(redactor::redactLine);
    }

    /** True when some rule's keyword occurs in the line, i.e. some regex would run on it. */
    public boolean anyKeyword(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String[] k : keywords) {
            if (passes(lower, k)) {
                return true;
            }
        }
        return false;
    }

    public List<Finding> scan(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        List<Finding> findings = null;
        for (int r = 0; r < rules.length; r++) {
            if (!passes(lower, keywords[r])) {
                continue;
            }
            Rule rule = rules[r];
            Matcher m = rule.regex().matcher(line);
            while (m.find()) {
                Finding f = filter.check(rule, line, m.start(), m.end(), null);
                if (f != null) {
                    if (findings == null) {
                        findings = new ArrayList<>(2);
                    }
                    findings.add(f);
                }
            }
        }
        if (findings == null) {
            return List.of();
        }
        return findings.size() > 1 ? withoutRedundantGeneric(line, findings) : findings;
    }

    public String redactLine(String line) {
        List<Finding> findings = scan(line);
        if (findings.isEmpty()) {
            return line;
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
        StringBuilder out = new StringBuilder(line.length() + 32);
        int copied = 0;
        for (int i = 0; i < sorted.size(); ) {
            Finding first = sorted.get(i);
            int start = first.start();
            int end = first.end();
            i++;
            while (i < sorted.size() && sorted.get(i).start() < end) {
                end = Math.max(end, sorted.get(i).end());
                i++;
            }
            out.append(line, copied, start).append("[REDACTED:").append(first.ruleId()).append(']');
            copied = end;
        }
        return out.append(line, copied, line.length()).toString();
    }

    private static boolean passes(String lowerLine, String[] ruleKeywords) {
        if (ruleKeywords.length == 0) {
            return true;
        }
        for (String k : ruleKeywords) {
            if (lowerLine.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * gitleaks' own last step, kept so both variants report one secret once: a generic rule's finding is
     * dropped when a specific rule found a secret containing it.
     */
    private static List<Finding> withoutRedundantGeneric(String line, List<Finding> findings) {
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!isGeneric(f) || !coveredBySpecific(line, f, findings)) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static boolean coveredBySpecific(String line, Finding generic, List<Finding> findings) {
        String secret = line.substring(generic.start(), generic.end());
        for (Finding other : findings) {
            if (!isGeneric(other) && line.substring(other.start(), other.end()).contains(secret)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGeneric(Finding f) {
        return f.ruleId().startsWith("generic");
    }
}
