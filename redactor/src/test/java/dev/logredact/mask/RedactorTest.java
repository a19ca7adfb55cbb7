package dev.logredact.mask;

import dev.logredact.event.Fingerprinter;
import dev.logredact.rules.RuleSet;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.testing.CompatRules;
import dev.logredact.testing.FakeSecrets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {
    private final Redactor redactor = Redactor.builder(RuleSetLoader.defaults()).build();

    @Test
    void masksTheSecretAndLeavesEverythingElseExactlyAsItWas() {
        String pat = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";
        assertEquals("  token:\t[REDACTED:github-pat] (set by CI)\r",
                redactor.redactLine("  token:\t" + pat + " (set by CI)\r"));
    }

    @Test
    void aLineWithoutFindingsIsReturnedAsTheSameInstance() {
        String line = "[INFO] BUILD SUCCESS in 4.2 s, token count 12, password policy ok";
        assertSame(line, redactor.redactLine(line));
    }

    @Test
    void overlappingAndNestedFindingsBecomeOneMask() throws Exception {
        RuleSet rs = RuleSetLoader.parse("[[rules]]\nid = \"outer\"\nregex = '''(AAA\\w+ZZZ)'''\nkeywords=[\"aaa\"]\n"
                + "[[rules]]\nid = \"inner\"\nregex = '''(BBB\\w+)'''\nkeywords=[\"bbb\"]\n"
                + "[[rules]]\nid = \"tail\"\nregex = '''(ZZZ\\w+)'''\nkeywords=[\"zzz\"]\n", "t");
        Redactor r = Redactor.builder(rs).build();
        assertEquals("x [REDACTED:outer] y", r.redactLine("x AAA1BBB2ZZZ3 y"));
    }

    @Test
    void adjacentFindingsKeepSeparateMasks() throws Exception {
        RuleSet rs = RuleSetLoader.parse("[[rules]]\nid = \"t\"\nregex = '''(tk_[0-9]{4})'''\nkeywords=[\"tk_\"]\n", "t");
        assertEquals("[REDACTED:t][REDACTED:t]", Redactor.builder(rs).build().redactLine("tk_1234tk_5678"));
    }

    @Test
    void theListenerHearsEachMaskWithAKeyedFingerprintAndNeverTheValue() {
        List<Span> heard = new ArrayList<>();
        Fingerprinter fp = Fingerprinter.withKey("team-key");
        Redactor r = Redactor.builder(RuleSetLoader.defaults()).fingerprinter(fp).listener(heard::add).build();
        String pat = new FakeSecrets(1).githubPat();
        r.redactLine("a " + pat + " b " + pat);
        assertEquals(2, heard.size());
        assertEquals("github-pat", heard.get(0).label());
        assertEquals(fp.fingerprint(pat), heard.get(0).fingerprint());
        assertEquals(heard.get(0).fingerprint(), heard.get(1).fingerprint());
        assertTrue(heard.get(0).fingerprint().matches("v1:[0-9a-f]{32}"));
        assertEquals(2, heard.get(0).start());
    }

    @Test
    void theMaskTemplateCanShowAShortFingerprint() {
        Fingerprinter fp = Fingerprinter.withKey("k");
        Redactor r = Redactor.builder(RuleSetLoader.defaults()).mask("<{rule}:{fp}>").fingerprinter(fp).build();
        String pat = new FakeSecrets(2).githubPat();
        assertEquals("<github-pat:" + fp.fingerprint(pat).substring(3, 15) + ">", r.redactLine(pat));
    }

    @Test
    void aMaskWithoutFixedTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MaskTemplate.of("{rule}"));
        assertThrows(IllegalArgumentException.class, () -> MaskTemplate.of(""));
    }

    @Test
    void maskingIsIdempotentEvenForGreedyGenericRules() {
        Redactor gitleaks = Redactor.builder(CompatRules.ruleSet()).build();
        FakeSecrets fake = new FakeSecrets(3);
        String[] templates = {
            "password = \"%s\"", "api_key=%s", "export SECRET_TOKEN='%s'", "\"auth\": \"%s\",", "-Ddb.password=%s",
        };
        for (String template : templates) {
            String line = String.format(template, fake.token("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP0123456789", 32));
            String once = gitleaks.redactLine(line);
            assertFalse(once.equals(line), "nothing masked in " + line);
            assertEquals(once, gitleaks.redactLine(once), "second pass changed " + once);
        }
    }

    @Test
    void propertyMaskingNeverChangesALineWithoutAFindingAndNeverLeavesAFoundSecret() {
        FakeSecrets fake = new FakeSecrets(4);
        for (int i = 0; i < 5_000; i++) {
            String noise = fake.noise(1 + fake.random().nextInt(25));
            assertSame(noise, redactor.redactLine(noise), "changed a line without secrets: " + noise);

            List<String> inserted = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            int parts = 1 + fake.random().nextInt(4);
            for (int p = 0; p < parts; p++) {
                String filler = fake.noise(fake.random().nextInt(6));
                String secret = fake.any();
                inserted.add(secret);
                line.append(filler).append(' ').append(secret).append(' ');
                expected.append(filler).append(' ').append("[REDACTED:").append(ruleOf(secret)).append("] ");
            }
            String masked = redactor.redactLine(line.toString());
            for (String secret : inserted) {
                assertFalse(masked.contains(secret), "left " + secret + " in " + masked);
            }
            assertEquals(expected.toString(), masked);
            assertEquals(masked, redactor.redactLine(masked));
        }
    }

    private static String ruleOf(String secret) {
        if (secret.startsWith("ghp_")) {
            return "github-pat";
        } else if (secret.startsWith("glpat-")) {
            return "gitlab-pat";
        } else if (secret.startsWith("AKIA")) {
            return "aws-access-token";
        } else if (secret.startsWith("npm_")) {
            return "npm-access-token";
        } else if (secret.startsWith("xoxb-")) {
            return "slack-bot-token";
        }
        return "jwt";
    }
}
