package com.google.re2j;

import dev.logredact.rules.Rule;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.testing.CompatRules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link LeftmostMatch} must report exactly the match that re2j's {@code find(from)} reports, or say it cannot tell. */
class LeftmostMatchTest {
    /** Build output around the candidates: keywords in names, word runs longer than any opening, operators. */
    private static final String[] NOISE = {
        "[DEBUG] ", "org.apiguardian:apiguardian-api:1.1.2 ", "-Dmaven.repo.local=/tmp/repo ", "secret_santa ",
        "tokenizer.jar ", "key ", "KEY: ", "password ", "auth=", "access-log ", "the_quick_brown_fox_jumps_over_the_lazy_dog_",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", " = ", "\"", "'", ":", "\t", "\n", "é", "\uD83D\uDE00",
    };

    @Test
    void findsWhatRe2jFindsForEveryGitleaksAndDefaultRule() {
        List<Rule> rules = new ArrayList<>(CompatRules.ruleSet().rules());
        rules.addAll(RuleSetLoader.defaults().rules());
        Random random = new Random(11);
        int reversed = 0;
        int compared = 0;
        int matched = 0;
        for (Rule rule : rules) {
            if (rule.regex() == null) {
                continue;
            }
            LeftmostMatch leftmost = LeftmostMatch.forPattern(rule.regex());
            if (leftmost == null) {
                continue;
            }
            reversed++;
            for (int i = 0; i < 12; i++) {
                String text = noisy(random, rule);
                for (int from = 0; from <= text.length(); from += 1 + random.nextInt(7)) {
                    matched += sameAsRe2j(rule.regex(), leftmost, text, from) ? 1 : 0;
                    compared++;
                }
            }
        }
        assertTrue(reversed > 400, reversed + " rules reversed");
        assertTrue(matched > 5000, matched + " of " + compared + " searches matched");
        assertEquals(0, unknown, "searches given up of " + compared);
    }

    /** Assertions on both sides, case folding, characters beyond ASCII and beyond the BMP, lone surrogates. */
    @Test
    void agreesWithRe2jOnAssertionsAndTextBeyondAscii() {
        String[] patterns = {"(?i)[\\w.-]{0,5}?token[=:]\\s*(\\S{4,})", "(?:é{0,3})x\\b", ".{0,4}日本[^ ]+",
            "(?s:.){0,2}b\\d", "\\b(?i:k{0,2})ey", "(?:ab|c){0,3}\\bz", "^ab", "ab$", "(?m)^ab|c$", "(?m)\\Ab|b\\z",
            "\\Bb\\d\\B", "[^a]{2}", "(?i)ſ+x", "\uD83D\uDE00+|x", "a\\S*?b", "(a|ab)(c|bcd)(d*)", "(?U)a+b?",
            "(?:x|xy)\\b"};
        String[] pieces = {"token=", "TOKEN:", " ", "é", "x", "xy", "日本", "\uD83D\uDE00", "\uD83D", "\uDE00", "b1", "kK",
            "\u212Aey", "ey", "ab", "c", "z", "\n", "S", "s", "ſ", "abcd", "d", "_"};
        Random random = new Random(5);
        int matched = 0;
        for (String pattern : patterns) {
            Pattern re2j = Pattern.compile(pattern);
            LeftmostMatch leftmost = LeftmostMatch.forPattern(re2j);
            assertNotNull(leftmost, pattern);
            for (int i = 0; i < 3000; i++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(12); n > 0; n--) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                matched += sameAsRe2j(re2j, leftmost, text.toString(), random.nextInt(text.length() + 1)) ? 1 : 0;
            }
        }
        assertTrue(matched > 4000, matched + " searches matched");
        assertEquals(0, unknown, "searches the DFA gave up on");
    }

    @Test
    void onlyPatternsThatCannotMatchNothingAndCarryNoFlagsQualify() {
        assertNotNull(LeftmostMatch.forPattern(Pattern.compile("(?i)[\\w.-]{0,50}?(?:key|token)=([a-z]{8})")));
        assertNull(LeftmostMatch.forPattern(Pattern.compile("a?b?")), "matches the empty string");
        assertNull(LeftmostMatch.forPattern(Pattern.compile("ab", Pattern.CASE_INSENSITIVE)), "flags outside the text");
    }

    /** Searches answered {@link LeftmostMatch#UNKNOWN} for another reason than a start inside a pair. */
    private int unknown;

    /** Asserts the two agree (or that the DFA gave up); returns whether re2j found a match. */
    private boolean sameAsRe2j(Pattern pattern, LeftmostMatch leftmost, String text, int from) {
        Matcher m = pattern.matcher(text);
        String expected = m.find(from) ? m.start() + "-" + m.end() : "none";
        int[] end = new int[1];
        int start = leftmost.find(text, from, end);
        if (start == LeftmostMatch.UNKNOWN) {
            // Allowed where re2j's match starts inside a surrogate pair (a search from its second half).
            int at = m.find(from) ? m.start() : -1;
            if (!(at > 0 && Character.isHighSurrogate(text.charAt(at - 1)) && Character.isLowSurrogate(text.charAt(at)))) {
                unknown++;
            }
            return false;
        }
        String actual = start >= 0 ? start + "-" + end[0] : "none";
        assertEquals(expected, actual, pattern + " from " + from + " in: " + text);
        return start >= 0;
    }

    private static String noisy(Random random, Rule rule) {
        StringBuilder sb = new StringBuilder();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            for (int k = random.nextInt(6); k > 0; k--) {
                sb.append(NOISE[random.nextInt(NOISE.length)]);
            }
            sb.append(RuleTexts.candidate(random, rule));
        }
        return sb.toString();
    }
}
