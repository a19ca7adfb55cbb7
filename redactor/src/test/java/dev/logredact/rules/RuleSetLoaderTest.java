package dev.logredact.rules;

import dev.logredact.testing.CompatRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleSetLoaderTest {

    @Test
    void everyGitleaksDefaultRuleLoadsAndCompiles() {
        RuleSet rs = CompatRules.ruleSet();
        List<RuleProblem> errors = rs.problems().stream().filter(RuleProblem::isError).collect(Collectors.toList());
        assertEquals(List.of(), errors);
        assertEquals(222, rs.rules().size());
        List<String> pathOnly = rs.rules().stream().filter(r -> r.regex() == null).map(Rule::id)
                .collect(Collectors.toList());
        assertEquals(List.of("pkcs12-file"), pathOnly);
        Rule generic = rs.rule("generic-api-key");
        assertEquals(3.5, generic.entropy());
        assertEquals(4, generic.allowlists().size());
        assertEquals(2, rs.rule("sonar-api-token").secretGroup());
        assertFalse(rs.globalAllowlists().isEmpty());
    }

    @Test
    void theDefaultSetLoadsCleanly() {
        RuleSet rs = RuleSetLoader.defaults();
        assertEquals(List.of(), rs.problems().stream().map(RuleProblem::toString).collect(Collectors.toList()));
        assertTrue(rs.rules().size() >= 10);
        for (Rule r : rs.rules()) {
            assertFalse(r.keywords().isEmpty(), r.id() + " has no keywords");
            assertFalse(r.description().isEmpty(), r.id() + " has no description");
        }
    }

    @Test
    void aRuleThatDoesNotCompileIsReportedWithFileLineAndColumnAndTheRestLoad() throws Exception {
        String toml = "[[rules]]\nid = \"good\"\nregex = '''abc(\\d+)'''\nkeywords = [\"abc\"]\n\n"
                + "[[rules]]\nid = \"broken\"\nregex = '''x(?<=y)z'''\nkeywords = [\"x\"]\n";
        RuleSet rs = RuleSetLoader.parse(toml, "my-rules.toml");
        assertEquals(List.of("good"), rs.rules().stream().map(Rule::id).collect(Collectors.toList()));
        assertEquals(1, rs.problems().size());
        RuleProblem p = rs.problems().get(0);
        assertTrue(p.isError());
        assertEquals("broken", p.ruleId());
        assertEquals(7, p.line());
        String text = p.toString();
        assertTrue(text.startsWith("my-rules.toml:7: error: rule 'broken': regex does not compile at column 2"), text);
    }

    @Test
    void keysAreCaseInsensitiveAsInGitleaks() throws Exception {
        String toml = "[[rules]]\nID = \"r\"\nRegex = '''(a)(b+)'''\nSECRETGROUP = 2\nEntropy = 1.5\nKeywords = [\"AB\"]\n";
        Rule r = RuleSetLoader.parse(toml, "t.toml").rule("r");
        assertNotNull(r);
        assertEquals(2, r.secretGroup());
        assertEquals(1.5, r.entropy());
        assertEquals(List.of("ab"), r.keywords());
    }

    @Test
    void unknownKeysAreWarnedAboutNamingTheClosestKnownKey() throws Exception {
        String toml = "[[rules]]\nid = \"r\"\nregex = '''x'''\nkeyword = [\"x\"]\n";
        RuleSet rs = RuleSetLoader.parse(toml, "t.toml");
        assertEquals(1, rs.rules().size());
        assertTrue(rs.problems().stream().anyMatch(p -> !p.isError() && p.message().contains("did you mean 'keywords'")),
                rs.problems().toString());
    }

    @Test
    void secretGroupBeyondTheRegexGroupsIsAnError() throws Exception {
        RuleSet rs = RuleSetLoader.parse("[[rules]]\nid = \"r\"\nregex = '''(a)'''\nsecretGroup = 3\nkeywords=[\"a\"]\n", "t");
        assertTrue(rs.rules().isEmpty());
        assertTrue(rs.problems().get(0).message().contains("secretGroup 3 is out of range"));
    }

    @Test
    void extendUseDefaultAddsToTheDefaultSetAndDisabledRulesRemoveFromIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("extra.toml");
        Files.writeString(file, "[extend]\nuseDefault = true\ndisabledRules = [\"jwt\"]\n\n"
                + "[[rules]]\nid = \"internal-token\"\nregex = '''\\b(itk_[a-z0-9]{20})\\b'''\nkeywords = [\"itk_\"]\n\n"
                + "[[rules]]\nid = \"github-pat\"\nkeywords = [\"token\"]\n");
        RuleSet rs = RuleSetLoader.loadFile(file);
        assertNull(rs.rule("jwt"));
        assertNotNull(rs.rule("internal-token"));
        Rule merged = rs.rule("github-pat");
        assertEquals(RuleSetLoader.defaults().rule("github-pat").regex().pattern(), merged.regex().pattern());
        assertTrue(merged.keywords().containsAll(List.of("ghp_", "token")));
        assertEquals(RuleSetLoader.defaults().rules().size(), rs.rules().size());
    }

    @Test
    void extendPathIsResolvedAgainstTheExtendingFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("base.toml"), "[[rules]]\nid = \"a\"\nregex = '''aaa'''\nkeywords=[\"aaa\"]\n");
        Files.writeString(dir.resolve("child.toml"), "[extend]\npath = \"base.toml\"\n\n[[rules]]\nid = \"b\"\nregex = '''bbb'''\nkeywords=[\"bbb\"]\n");
        RuleSet rs = RuleSetLoader.loadFile(dir.resolve("child.toml"));
        assertEquals(List.of("a", "b"), rs.rules().stream().map(Rule::id).collect(Collectors.toList()));
    }

    @Test
    void specCombinesDefaultAndFilesAndNoneMeansNoRules(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.toml");
        Files.writeString(file, "[[rules]]\nid = \"x\"\nregex = '''xyz'''\nkeywords=[\"xyz\"]\n");
        RuleSet rs = RuleSetLoader.load("default, " + file);
        assertNotNull(rs.rule("x"));
        assertNotNull(rs.rule("github-pat"));
        assertTrue(RuleSetLoader.load("none").rules().isEmpty());
    }

    @Test
    void aMissingFileOrInvalidTomlFailsWithAMessageNamingIt(@TempDir Path dir) throws Exception {
        RuleLoadException missing = assertThrows(RuleLoadException.class, () -> RuleSetLoader.load(dir + "/nope.toml"));
        assertTrue(missing.getMessage().contains("nope.toml does not exist"), missing.getMessage());
        Path bad = dir.resolve("bad.toml");
        Files.writeString(bad, "[[rules]\nid = ");
        RuleLoadException invalid = assertThrows(RuleLoadException.class, () -> RuleSetLoader.loadFile(bad));
        assertTrue(invalid.getMessage().contains("bad.toml: not valid TOML"), invalid.getMessage());
    }
}
