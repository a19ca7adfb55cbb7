package dev.logredact.match;

import dev.logredact.rules.RuleSet;
import dev.logredact.rules.RuleSetLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule feature of gitleaks' format, through the scanner. */
class PatternScannerTest {

    private static List<String> secrets(String toml, String text) throws Exception {
        RuleSet rs = RuleSetLoader.parse(toml, "test.toml");
        assertEquals(List.of(), rs.problems().stream().map(Object::toString).collect(Collectors.toList()));
        return new PatternScanner(rs).scan(text).stream()
                .map(f -> f.ruleId() + "=" + text.substring(f.start(), f.end()))
                .collect(Collectors.toList());
    }

    @Test
    void theFirstNonEmptyGroupIsTheSecretWhenSecretGroupIsUnset() throws Exception {
        String rules = "[[rules]]\nid = \"r\"\nregex = '''(?:(x+)|tok)=(\\w+)'''\nkeywords = [\"=\"]\n";
        assertEquals(List.of("r=abc123"), secrets(rules, "tok=abc123"));
        assertEquals(List.of("r=xx"), secrets(rules, "xx=abc123"));
    }

    @Test
    void secretGroupPicksTheGroup() throws Exception {
        String rules = "[[rules]]\nid = \"r\"\nregex = '''(user)=(\\w+)'''\nsecretGroup = 2\nkeywords = [\"user\"]\n";
        assertEquals(List.of("r=s3cr3tvalue"), secrets(rules, "login user=s3cr3tvalue done"));
    }

    @Test
    void noGroupsMeansTheWholeMatch() throws Exception {
        String rules = "[[rules]]\nid = \"r\"\nregex = '''tk_[a-z0-9]{8}'''\nkeywords = [\"tk_\"]\n";
        assertEquals(List.of("r=tk_ab12cd34"), secrets(rules, "x tk_ab12cd34 y"));
    }

    @Test
    void entropyAtOrBelowTheThresholdDropsTheFinding() throws Exception {
        String rules = "[[rules]]\nid = \"r\"\nregex = '''key=(\\w+)'''\nentropy = 3.0\nkeywords = [\"key\"]\n";
        assertEquals(List.of(), secrets(rules, "key=aaaaaaaaaaaa"));
        // "abcdefgh" has exactly 3.0 bits: gitleaks drops <=, so it is dropped too.
        assertEquals(List.of(), secrets(rules, "key=abcdefgh"));
        assertEquals(List.of("r=abcdefghi"), secrets(rules, "key=abcdefghi"));
    }

    @Test
    void aRuleRunsOnlyWhenOneOfItsKeywordsOccursCaseInsensitively() throws Exception {
        String rules = "[[rules]]\nid = \"r\"\nregex = '''[0-9]{6}'''\nkeywords = [\"pin\"]\n";
        assertEquals(List.of(), secrets(rules, "order 123456 shipped"));
        assertEquals(List.of("r=123456"), secrets(rules, "your PIN 123456"));
    }

    @Test
    void allowlistRegexTargetsSecretMatchOrLine() throws Exception {
        String base = "[[rules]]\nid = \"r\"\nregex = '''pw=(\\w+)'''\nkeywords = [\"pw\"]\n[[rules.allowlists]]\n";
        assertEquals(List.of(), secrets(base + "regexes = ['''^dummy''']\n", "pw=dummy123"));
        assertEquals(List.of("r=real123"), secrets(base + "regexes = ['''^pw=''']\n", "pw=real123"));
        assertEquals(List.of(), secrets(base + "regexTarget = \"match\"\nregexes = ['''^pw=''']\n", "pw=real123"));
        assertEquals(List.of(), secrets(base + "regexTarget = \"line\"\nregexes = ['''^# example''']\n", "# example pw=real123"));
        assertEquals(List.of("r=real123"), secrets(base + "regexTarget = \"line\"\nregexes = ['''^# example''']\n", "pw=real123"));
    }

    @Test
    void stopwordsAreCaseInsensitiveSubstringsOfTheSecret() throws Exception {
        String rules = "[[rules]]\nid = \"r\"\nregex = '''pw=(\\w+)'''\nkeywords = [\"pw\"]\n"
                + "[[rules.allowlists]]\nstopwords = [\"Sample\"]\n";
        assertEquals(List.of(), secrets(rules, "pw=mySAMPLEvalue"));
        assertEquals(List.of("r=myrealvalue"), secrets(rules, "pw=myrealvalue"));
    }

    @Test
    void conditionAndNeedsEveryCriterion() throws Exception {
        String rules = "[[rules]]\nid = \"r\"\nregex = '''pw=(\\w+)'''\nkeywords = [\"pw\"]\n"
                + "[[rules.allowlists]]\ncondition = \"AND\"\nregexes = ['''^test''']\nstopwords = [\"fake\"]\n";
        assertEquals(List.of("r=test123"), secrets(rules, "pw=test123"));
        assertEquals(List.of("r=fake123"), secrets(rules, "pw=fake123"));
        assertEquals(List.of(), secrets(rules, "pw=testfake1"));
    }

    @Test
    void globalAllowlistsApplyToEveryRuleAndTargetRulesOnlyToThoseNamed() throws Exception {
        String rules = "[[allowlists]]\nregexes = ['''^ignored''']\n"
                + "[[allowlists]]\ntargetRules = [\"a\"]\nstopwords = [\"only\"]\n"
                + "[[rules]]\nid = \"a\"\nregex = '''a=(\\w+)'''\nkeywords = [\"a=\"]\n"
                + "[[rules]]\nid = \"b\"\nregex = '''b=(\\w+)'''\nkeywords = [\"b=\"]\n";
        assertEquals(List.of(), secrets(rules, "a=ignored1 b=ignored2"));
        assertEquals(List.of("b=onlyb"), secrets(rules, "a=onlya b=onlyb"));
    }

    @Test
    void aGenericFindingInsideASpecificOneIsDropped() throws Exception {
        String rules = "[[rules]]\nid = \"generic-thing\"\nregex = '''token=(\\w+)'''\nkeywords = [\"token\"]\n"
                + "[[rules]]\nid = \"special\"\nregex = '''(token=\\w+)'''\nkeywords = [\"token\"]\n";
        assertEquals(List.of("special=token=abc"), secrets(rules, "token=abc"));
    }

    @Test
    void inlineAllowIsHonouredOnlyWhenScanningFiles() throws Exception {
        RuleSet rs = RuleSetLoader.parse("[[rules]]\nid = \"r\"\nregex = '''(tk_\\w+)'''\nkeywords = [\"tk_\"]\n", "t");
        String line = "tk_live123 # gitleaks:allow";
        assertEquals(1, new PatternScanner(rs).scan(line).size());
        assertEquals(0, new PatternScanner(rs, true).scan(line).size());
    }

    @Test
    void matchesFarFromTheirKeywordInALongLineAreFoundInTheirWindow() throws Exception {
        String rules = "[[rules]]\nid = \"r\"\nregex = '''(ghp_[a-z0-9]{10})'''\nkeywords = [\"ghp_\"]\n";
        String padding = "x ".repeat(20_000);
        String text = padding + "ghp_abcdef1234 " + padding + "ghp_0123456789";
        assertEquals(List.of("r=ghp_abcdef1234", "r=ghp_0123456789"), secrets(rules, text));
    }

    @Test
    void multiLineBlocksAreOneText() throws Exception {
        String key = "-----BEGIN RSA PRIVATE KEY-----\n" + "MIIEow".repeat(12) + "\n" + "AbCdEf".repeat(12)
                + "\n-----END RSA PRIVATE KEY-----";
        List<Finding> f = new PatternScanner(RuleSetLoader.defaults()).scan("key:\n" + key + "\ndone");
        assertEquals(1, f.size());
        assertEquals("private-key", f.get(0).ruleId());
        // The key body is the secret; the BEGIN and END lines stay visible.
        assertEquals(5 + "-----BEGIN RSA PRIVATE KEY-----\n".length(), f.get(0).start());
        assertEquals(5 + key.length() - "\n-----END RSA PRIVATE KEY-----".length(), f.get(0).end());
    }

    /**
     * On a long line whose keyword hits lie far from the secret (a classpath full of {@code -api} jars),
     * the search starts where the leftmost match can begin: it still finds each secret a search from
     * the window's start finds, wherever it stands.
     */
    @Test
    void propertySecretsFarIntoLongLinesAreFoundWhereverTheyStand() throws Exception {
        String rules = "[[rules]]\nid = \"semi\"\nregex = '''(?i)[\\w.-]{0,50}?(?:api|token)(?:[ \\t\\w.-]{0,20})"
                + "[\\s'\"]{0,3}(?:=|:)[\\s'\"]{0,3}([a-z0-9]{24})\\b'''\nkeywords = [\"api\", \"token\"]\n";
        Random random = new Random(19);
        String[] noise = {"/repo/junit-jupiter-api-5.11.jar:", "/repo/slf4j-api-2.0.jar:", "my_api_client ", "tokenizer ",
            "a-very-long.identifier_with.dots-and_words ", "x=1 "};
        for (int trial = 0; trial < 200; trial++) {
            StringBuilder line = new StringBuilder();
            while (line.length() < 600 + random.nextInt(2000)) {
                line.append(noise[random.nextInt(noise.length)]);
            }
            StringBuilder secret = new StringBuilder();
            for (int i = 0; i < 24; i++) {
                secret.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
            }
            String name = random.nextBoolean() ? "service.API_token" : "token";
            line.insert(random.nextInt(line.length() + 1), " " + name + " = '" + secret + "' ");
            assertEquals(List.of("semi=" + secret), secrets(rules, line.toString()), line.toString());
        }
    }
}
