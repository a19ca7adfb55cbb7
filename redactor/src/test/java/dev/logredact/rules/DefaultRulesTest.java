package dev.logredact.rules;

import dev.logredact.testing.ExampleFile;
import dev.logredact.testing.ExampleFile.Example;

import dev.logredact.mask.Redactor;
import dev.logredact.match.Finding;
import dev.logredact.match.PatternScanner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The default rule set against its examples ({@code rules/default-examples.txt}): every true positive is
 * found by its rule and masked for good, every near miss is left alone by its rule, and lines from clean
 * builds ({@code *}) are left alone by every rule.
 */
class DefaultRulesTest {
    private static final String EXAMPLES = "/rules/default-examples.txt";
    private static final int MIN_TRUE_POSITIVES = 3;
    private static final int MIN_NEAR_MISSES = 2;

    private static RuleSet rules;
    private static PatternScanner scanner;
    private static Redactor redactor;
    private static List<Example> examples;

    @BeforeAll
    static void load() throws Exception {
        rules = RuleSetLoader.load("default");
        scanner = new PatternScanner(rules);
        redactor = Redactor.builder(rules).build();
        examples = ExampleFile.read(EXAMPLES);
    }

    @Test
    void theDefaultSetLoadsWithoutProblems() {
        assertEquals(List.of(), rules.problems().stream().map(RuleProblem::toString).collect(Collectors.toList()));
        assertTrue(rules.rules().size() >= 200, "rules: " + rules.rules().size());
    }

    @Test
    void everyRuleHasKeywordsADescriptionAndARegex() {
        for (Rule r : rules.rules()) {
            assertFalse(r.keywords().isEmpty(), r.id() + " has no keywords");
            assertFalse(r.description().isEmpty(), r.id() + " has no description");
            assertNotNull(r.regex(), r.id() + " has no regex");
            for (String k : r.keywords()) {
                assertEquals(k.toLowerCase(java.util.Locale.ROOT), k, r.id() + ": keywords are lower case");
                assertTrue(k.length() >= 2, r.id() + ": keyword '" + k + "' is too short to select lines");
            }
            assertTrue(r.id().matches("[a-z0-9]+(?:-[a-z0-9]+)*"), r.id() + " is not kebab-case");
        }
    }

    @Test
    void everyRuleHasEnoughExamplesAndEveryExampleNamesARule() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Rule r : rules.rules()) {
            counts.put(r.id(), new int[2]);
        }
        for (Example e : examples) {
            if (e.ruleId.equals("*")) {
                assertFalse(e.truePositive, "line " + e.line + ": '*' examples are near misses only");
                continue;
            }
            int[] c = counts.get(e.ruleId);
            assertNotNull(c, "line " + e.line + ": no rule '" + e.ruleId + "'");
            c[e.truePositive ? 0 : 1]++;
        }
        List<String> short_ = new ArrayList<>();
        counts.forEach((id, c) -> {
            if (c[0] < MIN_TRUE_POSITIVES || c[1] < MIN_NEAR_MISSES) {
                short_.add(id + " (tp " + c[0] + ", fp " + c[1] + ")");
            }
        });
        assertEquals(List.of(), short_, "rules with too few examples");
    }

    /** Each rule's mask, where a secret would stand, must not be found again: masking is idempotent. */
    @Test
    void noRuleMatchesAMask() {
        String[] contexts = {"%s", "password=%s", "  password: %s", "\"token\": \"%s\"", "Authorization: Bearer %s",
                "Authorization: %s", "X-Api-Key: %s", "https://deploy:%s@repo.example/releases", "jdbc:mysql://app:%s@db.example/app",
                "?user=app&password=%s&ssl=true", "-Dgpg.passphrase=%s", "<password>%s</password>", "--password %s",
                "aws_secret_access_key=%s", "AKIAIOSFODNN7EXAMPLE %s", "//repo.example/:_authToken=%s", "\"auth\": \"%s\"",
                "curl -u admin:%s https://repo.example", "-----BEGIN RSA PRIVATE KEY-----\n%s\n-----END RSA PRIVATE KEY-----",
                "https://%s@gems.example/", "GITHUB_TOKEN=%s", "api_key: %s"};
        List<String> matched = new ArrayList<>();
        for (Rule r : rules.rules()) {
            String mask = "[REDACTED:" + r.id() + "]";
            for (String c : contexts) {
                String line = String.format(c, mask);
                List<Finding> found = scanner.scan(line);
                if (!found.isEmpty()) {
                    matched.add(line + " -> " + ids(found));
                }
            }
        }
        assertEquals(List.of(), matched);
    }

    /** Real output of clean builds (see corpus/README.md): the default set must find nothing in it. */
    @Test
    void cleanBuildOutputPassesUntouched() throws IOException {
        String[] files = {"maven-debug.log", "maven-build.log", "surefire-reports.txt", "surefire-reports.xml",
                "npm-silly.log", "git-log.txt", "jvm-tools.log"};
        List<String> found = new ArrayList<>();
        int lines = 0;
        for (String file : files) {
            try (InputStream raw = DefaultRulesTest.class.getResourceAsStream("/corpus/" + file + ".gz")) {
                assertNotNull(raw, "corpus file " + file + ".gz is missing");
                BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
                String line;
                int n = 0;
                while ((line = reader.readLine()) != null) {
                    n++;
                    for (Finding f : scanner.scan(line)) {
                        found.add(file + ":" + n + " " + f.ruleId() + " '" + line.substring(f.start(), f.end()) + "'");
                    }
                }
                lines += n;
            }
        }
        assertTrue(lines > 100_000, "corpus lines: " + lines);
        assertEquals(List.of(), found.size() > 20 ? found.subList(0, 20) : found, found.size() + " findings in clean build output");
    }

    @TestFactory
    List<DynamicNode> examples() {
        Map<String, List<DynamicNode>> byRule = new LinkedHashMap<>();
        for (Example e : examples) {
            String name = "line " + e.line + " " + (e.truePositive ? "tp" : "fp") + ": " + abbreviate(e.text);
            DynamicTest test = e.truePositive
                    ? DynamicTest.dynamicTest(name, () -> truePositive(e))
                    : DynamicTest.dynamicTest(name, () -> nearMiss(e));
            byRule.computeIfAbsent(e.ruleId.equals("*") ? "* (clean build output)" : e.ruleId, k -> new ArrayList<>()).add(test);
        }
        List<DynamicNode> out = new ArrayList<>();
        byRule.forEach((id, tests) -> out.add(DynamicContainer.dynamicContainer(id, tests)));
        return out;
    }

    private static void truePositive(Example e) {
        List<Finding> all = scanner.scan(e.text);
        List<Finding> mine = all.stream().filter(f -> f.ruleId().equals(e.ruleId)).collect(Collectors.toList());
        if (mine.isEmpty()) {
            fail("line " + e.line + ": rule " + e.ruleId + " found nothing" + (all.isEmpty() ? "" : "; other rules: " + ids(all))
                    + " in: " + e.text);
        }
        String masked = redactor.redactLine(e.text);
        for (Finding f : mine) {
            String secret = e.text.substring(f.start(), f.end());
            assertFalse(masked.contains(secret), "line " + e.line + ": secret '" + secret + "' survives masking: " + masked);
        }
        assertTrue(masked.contains("[REDACTED:"), "line " + e.line + ": nothing masked: " + masked);
        String twice = redactor.redactLine(masked);
        assertEquals(masked, twice, "line " + e.line + ": masking the masked line changed it; findings: " + ids(scanner.scan(masked)));
    }

    private static void nearMiss(Example e) {
        List<Finding> found = scanner.scan(e.text);
        List<Finding> wrong = e.ruleId.equals("*") ? found
                : found.stream().filter(f -> f.ruleId().equals(e.ruleId)).collect(Collectors.toList());
        if (!wrong.isEmpty()) {
            fail("line " + e.line + ": expected no finding" + (e.ruleId.equals("*") ? "" : " by " + e.ruleId) + ", got "
                    + wrong.stream().map(f -> f.ruleId() + "='" + e.text.substring(f.start(), f.end()) + "'").collect(Collectors.toList())
                    + " in: " + e.text);
        }
    }

    private static String ids(List<Finding> findings) {
        Set<String> ids = new TreeSet<>();
        for (Finding f : findings) {
            ids.add(f.ruleId());
        }
        return ids.toString();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\n", "\\n").replace("\t", "\\t");
        return oneLine.length() <= 90 ? oneLine : oneLine.substring(0, 87) + "...";
    }
}
