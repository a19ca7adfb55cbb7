package dev.logredact.match;

import dev.logredact.rules.Rule;
import dev.logredact.rules.RuleSet;
import dev.logredact.rules.RuleSetLoader;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class KeywordOwnersTest {
    private static Rule[] rules(String toml) throws Exception {
        RuleSet rs = RuleSetLoader.parse(toml, "test.toml");
        assertEquals(false, rs.hasErrors(), rs.problems().toString());
        return rs.rules().toArray(new Rule[0]);
    }

    @Test
    void eachKeywordOnceWithEveryRuleThatListsItOnce() throws Exception {
        // Rules are sorted by id: a, b, c, d.
        Rule[] rules = rules("[[rules]]\nid = \"a\"\nregex = 'x'\nkeywords = [\"tok\", \"key\", \"tok\"]\n"
                + "[[rules]]\nid = \"b\"\nregex = 'y'\n"
                + "[[rules]]\nid = \"c\"\nregex = 'z'\nkeywords = [\"KEY\", \"pin\"]\n"
                + "[[rules]]\nid = \"d\"\nregex = 'w'\nkeywords = [\"tok\"]\n");
        KeywordOwners owners = new KeywordOwners(rules);
        assertEquals(List.of("tok", "key", "pin"), owners.keywords);
        assertEquals("[[0, 3], [0, 2], [2]]", Arrays.deepToString(owners.rulesOfKeyword));
        assertArrayEquals(new int[] {1}, owners.alwaysRun);
    }

    @Test
    void manyKeywordsGrowTheTables() throws Exception {
        StringBuilder toml = new StringBuilder();
        for (int r = 0; r < 40; r++) {
            toml.append(String.format("[[rules]]\nid = \"r%02d\"\nregex = 'x'\nkeywords = [\"k%d\", \"shared\"]\n", r, r));
        }
        KeywordOwners owners = new KeywordOwners(rules(toml.toString()));
        assertEquals(41, owners.keywords.size());
        assertEquals(40, owners.rulesOfKeyword[owners.keywords.indexOf("shared")].length);
        for (int r = 0; r < 40; r++) {
            assertArrayEquals(new int[] {r}, owners.rulesOfKeyword[owners.keywords.indexOf("k" + r)]);
        }
        assertArrayEquals(new int[0], owners.alwaysRun);
    }
}
