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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * gitleaks true positives whose text is not a secret as a log shows it, so they are not counted: each names the rule, a
     * fragment of the example's text that picks it out, and why.
     */
    private static final List<Listed> NOT_SECRETS_IN_A_LOG = List.of(
            new Listed("age-secret-key", "AGE-SECRET-KEY-1QQQQQQQQQQ",
                    "the examples file stands in 58 Q's for the random key upstream draws: the bech32 form of 32 zero bytes with an"
                            + " invalid checksum, i.e. a placeholder of the same kind as AGE-SECRET-KEY-1XXXX...; our rule's entropy"
                            + " floor leaves such placeholders alone, and a real key (the other examples) is masked"));

    /**
     * gitleaks near misses that are secrets in a log, so our rule of that id masking them is intended: each names the rule,
     * a fragment of the example's text that picks it out, and why.
     */
    private static final List<Listed> NEAR_MISSES_THAT_ARE_SECRETS = List.of(
            new Listed("mailchimp-api-key", "MailchimpSDK.initialize(token: ",
                    "32 hex digits and a -usNN data-centre suffix passed to the Mailchimp SDK is a Mailchimp API key; gitleaks"
                            + " misses it only because its key-name pattern does not reach past \"(\""),
            new Listed("gocardless-api-token", "\"sandbox_",
                    "a GoCardless sandbox access token is a working credential for the sandbox API, as Stripe's sk_test_ keys"
                            + " are for test mode (which logredact masks too); gitleaks reports live_ tokens only"));

    /** An example picked out by rule id and a fragment of its text, with the reason it is listed. */
    private static final class Listed {
        final String ruleId;
        final String fragment;
        final String reason;

        Listed(String ruleId, String fragment, String reason) {
            this.ruleId = ruleId;
            this.fragment = fragment;
            this.reason = reason;
        }

        static Listed find(List<Listed> list, Example e) {
            return list.stream().filter(l -> l.ruleId.equals(e.ruleId) && e.text.contains(l.fragment)).findFirst().orElse(null);
        }
    }

    @Test
    void ourDefaultRulesCatchEveryGitleaksExampleAndMisfireOnNone() throws Exception {
        RuleSet gitleaks = CompatRules.ruleSet();
        PatternScanner theirs = new PatternScanner(gitleaks);
        Redactor ours = Redactor.builder(RuleSetLoader.defaults()).build();
        Map<String, int[]> byProvider = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        List<String> misfired = new ArrayList<>();
        Set<Listed> used = new HashSet<>();
        for (Example e : ExampleFile.read("/compat/gitleaks-examples.txt")) {
            if (PATH_GATED.contains(e.ruleId)) {
                continue;
            }
            List<Span> masked = ours.find(e.text);
            Listed notSecret = e.truePositive ? Listed.find(NOT_SECRETS_IN_A_LOG, e) : null;
            if (notSecret != null) {
                if (!coversEverySecret(e.text, theirs.scan(e.text), e.ruleId, masked)) {
                    used.add(notSecret);
                }
                continue;
            }
            int[] counts = byProvider.computeIfAbsent(e.ruleId, k -> new int[3]);
            if (e.truePositive) {
                counts[0]++;
                if (coversEverySecret(e.text, theirs.scan(e.text), e.ruleId, masked)) {
                    counts[1]++;
                } else {
                    missed.add(e.ruleId + " (line " + e.line + ")");
                }
            } else if (masked.stream().anyMatch(s -> s.label().equals(e.ruleId))) {
                Listed secret = Listed.find(NEAR_MISSES_THAT_ARE_SECRETS, e);
                if (secret != null) {
                    used.add(secret);
                } else {
                    counts[2]++;
                    misfired.add(e.ruleId + " (line " + e.line + ")");
                }
            }
        }
        writeReport(byProvider, missed, misfired);
        assertEquals(List.of(), missed, "gitleaks examples our default rules do not mask");
        assertEquals(List.of(), misfired, "our rules firing on gitleaks' near misses for the same id");
        List<String> stale = new ArrayList<>();
        for (Listed l : concat(NOT_SECRETS_IN_A_LOG, NEAR_MISSES_THAT_ARE_SECRETS)) {
            if (!used.contains(l)) {
                stale.add(l.ruleId + " '" + l.fragment + "'");
            }
        }
        assertEquals(List.of(), stale, "listed examples that no longer need listing (no such example, or our rule leaves it alone)");
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

    private static List<Listed> concat(List<Listed> a, List<Listed> b) {
        List<Listed> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String listed(String title, List<Listed> list) {
        StringBuilder out = new StringBuilder(title).append(":\n\n");
        for (Listed l : list) {
            out.append("- ").append(l.ruleId).append(" (`").append(l.fragment).append("`): ").append(l.reason).append("\n");
        }
        return out.append('\n').toString();
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
                + listed("Examples not counted, as they are not secrets in a log", NOT_SECRETS_IN_A_LOG)
                + listed("Near misses that are secrets in a log, masked on purpose", NEAR_MISSES_THAT_ARE_SECRETS)
                + (missed.isEmpty() ? "" : "Missed: " + String.join(", ", missed) + "\n\n")
                + "| gitleaks rule | true positives masked | near misses masked by our rule of that id |\n|---|---|---|\n" + rows;
        Path out = Paths.get("target", "gitleaks-coverage.md");
        Files.createDirectories(out.getParent());
        Files.write(out, report.getBytes(StandardCharsets.UTF_8));
        System.out.println("gitleaks coverage: " + full + "/" + byProvider.size() + " providers fully covered, "
                + caught + "/" + examples + " examples, " + misfired.size() + " misfires; report " + out.toAbsolutePath());
    }
}
