package dev.logredact.compat;

import dev.logredact.mask.Redactor;
import dev.logredact.mask.Span;
import dev.logredact.match.Finding;
import dev.logredact.match.PatternScanner;
import dev.logredact.rules.RuleSet;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.testing.CompatRules;
import dev.logredact.testing.ExampleFile;
import dev.logredact.testing.ExampleFile.Example;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The coverage report: for each provider in gitleaks' default config, whether logredact's own default
 * rules mask the secrets of gitleaks' examples of it, and whether any of our rules fires on an example
 * gitleaks' authors wrote as a near miss for the rule of the same id. Written to
 * {@code target/gitleaks-coverage.md}.
 */
class GitleaksCoverageTest {
    /** gitleaks fires these only on files with matching names; in a log their examples are covered by our own rules or not at all. */
    private static final List<String> PATH_GATED = List.of("kubernetes-secret-yaml", "nuget-config-password",
            "freemius-secret-key", "hashicorp-tf-password", "pkcs12-file");

    @Test
    void ourDefaultRulesCatchEveryGitleaksExampleAndMisfireOnNone() throws Exception {
        RuleSet gitleaks = CompatRules.ruleSet();
        PatternScanner theirs = new PatternScanner(gitleaks);
        Redactor ours = Redactor.builder(RuleSetLoader.defaults()).build();
        Map<String, int[]> byProvider = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        List<String> misfired = new ArrayList<>();
        for (Example e : ExampleFile.read("/compat/gitleaks-examples.txt")) {
            if (PATH_GATED.contains(e.ruleId)) {
                continue;
            }
            int[] counts = byProvider.computeIfAbsent(e.ruleId, k -> new int[3]);
            List<Span> masked = ours.find(e.text);
            if (e.truePositive) {
                counts[0]++;
                if (coversEverySecret(e.text, theirs.scan(e.text), e.ruleId, masked)) {
                    counts[1]++;
                } else {
                    missed.add(e.ruleId + " (line " + e.line + ")");
                }
            } else if (masked.stream().anyMatch(s -> s.label().equals(e.ruleId))) {
                counts[2]++;
                misfired.add(e.ruleId + " (line " + e.line + ")");
            }
        }
        writeReport(byProvider, missed, misfired);
        assertEquals(List.of(), missed, "gitleaks examples our default rules do not mask");
        assertEquals(List.of(), misfired, "our rules firing on gitleaks' near misses for the same id");
    }

    /**
     * Every secret gitleaks' rule finds in the text is masked by ours, up to fixed framing that our rules
     * deliberately leave visible (a PEM header, a webhook's host and path): what remains of the secret
     * after masking has no run of letters and digits longer than {@link #VISIBLE_RUN}.
     */
    private static boolean coversEverySecret(String text, List<Finding> findings, String ruleId, List<Span> masked) {
        boolean any = false;
        for (Finding f : findings) {
            if (!f.ruleId().equals(ruleId)) {
                continue;
            }
            any = true;
            int run = 0;
            for (int i = f.start(); i < f.end(); i++) {
                boolean hidden = false;
                for (Span s : masked) {
                    hidden |= s.start() <= i && i < s.end();
                }
                run = !hidden && Character.isLetterOrDigit(text.charAt(i)) ? run + 1 : 0;
                if (run > VISIBLE_RUN) {
                    return false;
                }
            }
        }
        return any;
    }

    /** Longer runs of a secret's letters and digits left visible count as a leak. */
    private static final int VISIBLE_RUN = 8;

    private static void writeReport(Map<String, int[]> byProvider, List<String> missed, List<String> misfired)
            throws Exception {
        int examples = 0;
        int caught = 0;
        int full = 0;
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, int[]> e : byProvider.entrySet()) {
            int[] c = e.getValue();
            examples += c[0];
            caught += c[1];
            full += c[0] > 0 && c[0] == c[1] ? 1 : 0;
            rows.append("| ").append(e.getKey()).append(" | ").append(c[1]).append('/').append(c[0])
                    .append(" | ").append(c[2]).append(" |\n");
        }
        String report = "# gitleaks default config: coverage by logredact's default rules\n\n"
                + "Providers: " + byProvider.size() + ", fully covered: " + full + "; examples caught: " + caught + "/" + examples
                + "; misfires on gitleaks' near misses: " + misfired.size() + ".\n"
                + "Rules that gitleaks gates on file paths (" + String.join(", ", PATH_GATED) + ") are not counted.\n\n"
                + (missed.isEmpty() ? "" : "Missed: " + String.join(", ", missed) + "\n\n")
                + "| gitleaks rule | true positives masked | near misses masked by our rule of that id |\n|---|---|---|\n" + rows;
        Path out = Paths.get("target", "gitleaks-coverage.md");
        Files.createDirectories(out.getParent());
        Files.write(out, report.getBytes(StandardCharsets.UTF_8));
        System.out.println("gitleaks coverage: " + full + "/" + byProvider.size() + " providers fully covered, "
                + caught + "/" + examples + " examples, " + misfired.size() + " misfires; report " + out.toAbsolutePath());
    }
}
