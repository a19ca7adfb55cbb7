package dev.logredact.rules;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class StreamKeywordsTest {
    @Test
    void theBuildStoredTheDefaultRulesKeywords() {
        byte[][] stored = RuleSetLoader.defaultKeywords();
        assertNotNull(stored, "the build did not write " + RuleSetLoader.DEFAULT_KEYWORDS_CLASS);
        assertArrayEquals(StreamKeywords.of(RuleSetLoader.defaultsFromToml()), stored);
    }

    @Test
    void keywordsOfRulesThatRunOnTextLowerCasedInUtf8() throws Exception {
        RuleSet rules = RuleSetLoader.parse("[[rules]]\nid = \"a\"\nregex = 'x'\nkeywords = [\"TOK\", \"\", \"Ä-key\"]\n"
                + "[[rules]]\nid = \"b\"\npath = 'y'\n", "test.toml");
        assertEquals("[tok, ä-key]", text(StreamKeywords.of(rules)));
    }

    @Test
    void noneWhenARuleRunsOnEveryLine() throws Exception {
        RuleSet rules = RuleSetLoader.parse("[[rules]]\nid = \"a\"\nregex = 'x'\nkeywords = [\"tok\"]\n"
                + "[[rules]]\nid = \"b\"\nregex = 'y'\n", "test.toml");
        assertNull(StreamKeywords.of(rules));
    }

    @Test
    void theStoredFormReadsBackAsWritten() {
        byte[][] keywords = {"tok".getBytes(StandardCharsets.UTF_8), new byte[300], "ä".getBytes(StandardCharsets.UTF_8)};
        assertArrayEquals(keywords, StreamKeywords.read(StreamKeywords.write(keywords)));
    }

    private static String text(byte[][] keywords) {
        String[] s = new String[keywords.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = new String(keywords[i], StandardCharsets.UTF_8);
        }
        return Arrays.toString(s);
    }
}
