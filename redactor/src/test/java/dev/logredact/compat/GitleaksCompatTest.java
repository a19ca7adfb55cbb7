package dev.logredact.compat;

import dev.logredact.testing.CompatRules;
import dev.logredact.testing.ExampleFile;
import dev.logredact.testing.ExampleFile.Example;

import dev.logredact.match.Finding;
import dev.logredact.match.PatternScanner;
import dev.logredact.rules.Rule;
import dev.logredact.rules.RuleProblem;
import dev.logredact.rules.RuleSet;
import dev.logredact.rules.RuleSetLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Replays gitleaks' own rule examples (adapted to one log line each, see the data file's header) against
 * gitleaks' default config: what gitleaks reports, the engine must report, and what it rejects, the
 * engine must reject.
 */
class GitleaksCompatTest {
    private static final String EXAMPLES = "/compat/gitleaks-examples.txt";
    /** gitleaks' only rule without a regex: it flags files by name, which a log line does not have. */
    private static final String PATH_ONLY_RULE = "pkcs12-file";
    private static final int GITLEAKS_RULES = 222;
    private static final java.util.regex.Pattern TOML_RULE_ID =
            java.util.regex.Pattern.compile("(?m)^id\\s*=\\s*\"([^\"]+)\"\\s*$");

    private static Path toml;
    private static RuleSet ruleSet;
    private static PatternScanner scanner;
    private static List<Example> examples;

    private static final AtomicInteger passed = new AtomicInteger();
    private static final AtomicInteger failed = new AtomicInteger();
    private static final AtomicInteger skipped = new AtomicInteger();

    @BeforeAll
    static void load() throws IOException {
        toml = CompatRules.path();
        ruleSet = RuleSetLoader.loadFile(toml);
        scanner = new PatternScanner(ruleSet);
        examples = ExampleFile.read(EXAMPLES);
    }

    @Test
    void loadsEveryGitleaksRuleWithoutProblems() throws IOException {
        assertEquals(List.of(), ruleSet.problems().stream().map(RuleProblem::toString).collect(Collectors.toList()));
        Set<String> inToml = tomlRuleIds();
        assertEquals(GITLEAKS_RULES, inToml.size(), "rules in " + toml);
        Map<String, Rule> loaded = new HashMap<>();
        for (Rule r : ruleSet.rules()) {
            loaded.put(r.id(), r);
        }
        List<String> missing = new ArrayList<>();
        for (String id : inToml) {
            if (!id.equals(PATH_ONLY_RULE) && (loaded.get(id) == null || loaded.get(id).regex() == null)) {
                missing.add(id);
            }
        }
        assertEquals(List.of(), missing, "gitleaks rules with a regex that did not load");
    }

    @Test
    void theExampleFileIsWellFormedAndNamesOnlyGitleaksRules() throws IOException {
        Set<String> inToml = tomlRuleIds();
        List<String> unknown = examples.stream().filter(e -> !inToml.contains(e.ruleId))
                .map(e -> "line " + e.line + ": " + e.ruleId).collect(Collectors.toList());
        assertEquals(List.of(), unknown, "examples for rules that gitleaks.toml does not define");
    }

    /** Keeps the data honest when gitleaks.toml gains a rule: each rule with a regex needs two positives. */
    @Test
    void everyRuleWithARegexHasAtLeastTwoTruePositives() {
        Map<String, Integer> tps = new HashMap<>();
        for (Example e : examples) {
            if (e.truePositive) {
                tps.merge(e.ruleId, 1, Integer::sum);
            }
        }
        List<String> thin = ruleSet.rules().stream().filter(r -> r.regex() != null)
                .filter(r -> tps.getOrDefault(r.id(), 0) < 2)
                .map(r -> r.id() + " (" + tps.getOrDefault(r.id(), 0) + ")").collect(Collectors.toList());
        assertEquals(List.of(), thin, "rules with fewer than two tp examples");
    }

    @TestFactory
    Stream<DynamicTest> gitleaksExamples() {
        Map<String, Rule> byId = new HashMap<>();
        for (Rule r : ruleSet.rules()) {
            byId.put(r.id(), r);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Example e : examples) {
            int n = seen.merge(e.ruleId + " " + e.kind(), 1, Integer::sum);
            tests.add(DynamicTest.dynamicTest(e.ruleId + " " + e.kind() + " #" + n, () -> replay(e, byId.get(e.ruleId))));
        }
        return tests.stream();
    }

    private static void replay(Example e, Rule rule) {
        assertNotNull(rule, "line " + e.line + ": no rule " + e.ruleId + " was loaded");
        if (e.truePositive && !rule.appliesToStreams()) {
            // gitleaks checks such a rule's path before its regex, and a log line has no path.
            skipped.incrementAndGet();
            Assumptions.abort(e.ruleId + " only fires on files matching " + rule.path());
        }
        List<Finding> findings = scanner.scan(e.text);
        boolean reported = findings.stream().anyMatch(f -> f.ruleId().equals(e.ruleId));
        if (reported != e.truePositive) {
            failed.incrementAndGet();
            fail(String.format("line %d: %s %s: expected %s, findings %s%n  text: %s", e.line, e.ruleId, e.kind(),
                    e.truePositive ? "a finding of this rule" : "no finding of this rule",
                    describe(findings, e.text), e.text));
        }
        passed.incrementAndGet();
    }

    private static String describe(List<Finding> findings, String text) {
        return findings.stream().map(f -> f.ruleId() + "=" + text.substring(f.start(), f.end()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @AfterAll
    static void summary() {
        if (examples == null) {
            return;
        }
        Map<String, int[]> perRule = new TreeMap<>();
        for (Example e : examples) {
            perRule.computeIfAbsent(e.ruleId, k -> new int[2])[e.truePositive ? 0 : 1]++;
        }
        long tp = examples.stream().filter(e -> e.truePositive).count();
        Set<String> uncovered = new TreeSet<>();
        int withRegex = 0;
        for (Rule r : ruleSet.rules()) {
            if (r.regex() != null) {
                withRegex++;
                if (!perRule.containsKey(r.id())) {
                    uncovered.add(r.id());
                }
            }
        }
        long noFp = perRule.values().stream().filter(c -> c[1] == 0).count();
        System.out.printf("gitleaks compat: %d examples (%d tp, %d fp) covering %d of %d rules with a regex;"
                        + " %d rules without an fp example%n", examples.size(), tp, examples.size() - tp,
                perRule.size(), withRegex, noFp);
        System.out.printf("gitleaks compat: replayed %d passed, %d failed, %d skipped (rules gated on a file path)%n",
                passed.get(), failed.get(), skipped.get());
        if (!uncovered.isEmpty()) {
            System.out.println("gitleaks compat: rules without examples: " + uncovered);
        }
    }

    private static Set<String> tomlRuleIds() throws IOException {
        String text = new String(Files.readAllBytes(toml), StandardCharsets.UTF_8);
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = TOML_RULE_ID.matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

}
