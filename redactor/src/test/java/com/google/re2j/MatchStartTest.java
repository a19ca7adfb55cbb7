package com.google.re2j;

import dev.logredact.rules.Rule;
import dev.logredact.testing.CompatRules;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A search from where {@link MatchStart} says must find exactly what a search from the original start finds. */
class MatchStartTest {
    /** Build output around the candidates: keywords in names, word runs longer than any opening, operators. */
    private static final String[] NOISE = {
        "[DEBUG] ", "org.apiguardian:apiguardian-api:1.1.2 ", "-Dmaven.repo.local=/tmp/repo ", "secret_santa ",
        "tokenizer.jar ", "key ", "KEY: ", "password ", "auth=", "access-log ", "the_quick_brown_fox_jumps_over_the_lazy_dog_",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", " = ", "\"", "'", ":", "\t", "é", "\uD83D\uDE00",
    };

    @Test
    void findsWhatASearchFromTheStartFindsForEveryGitleaksRule() {
        Random random = new Random(11);
        int bounded = 0;
        int compared = 0;
        int matched = 0;
        for (Rule rule : CompatRules.ruleSet().rules()) {
            if (rule.regex() == null) {
                continue;
            }
            MatchStart start = MatchStart.forPattern(rule.regex().pattern());
            if (start == null) {
                continue;
            }
            bounded++;
            for (int i = 0; i < 12; i++) {
                String text = noisy(random, rule);
                for (int from = 0; from <= text.length(); from += 1 + random.nextInt(7)) {
                    matched += sameAsFromTheStart(rule.regex(), start, text, from, text.length()) ? 1 : 0;
                    compared++;
                }
            }
        }
        // Most of gitleaks' rules open with [\w.-]{0,50}?: if they stop qualifying, this test means little.
        assertTrue(bounded > 100, bounded + " rules bounded");
        assertTrue(matched > 1000, matched + " of " + compared + " searches matched");
    }

    @Test
    void agreesWithRe2jOnTextBeyondAscii() {
        String[] patterns = {"(?i)[\\w.-]{0,5}?token[=:]\\s*(\\S{4,})", "(?:é{0,3})x\\b", ".{0,4}日本[^ ]+",
            "(?s:.){0,2}b\\d", "\\b(?i:k{0,2})ey", "(?:ab|c){0,3}\\bz"};
        String[] pieces = {"token=", "TOKEN:", " ", "é", "x", "日本", "\uD83D\uDE00", "\uD83D", "b1", "kK", "\u212Aey", "ey",
            "ab", "c", "z", "\n"};
        Random random = new Random(5);
        int matched = 0;
        for (String pattern : patterns) {
            MatchStart start = MatchStart.forPattern(pattern);
            assertNotNull(start, pattern);
            Pattern re2j = Pattern.compile(pattern);
            for (int i = 0; i < 2000; i++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(12); n > 0; n--) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                int from = random.nextInt(text.length() + 1);
                int to = from + random.nextInt(text.length() - from + 1);
                matched += sameAsFromTheStart(re2j, start, text.toString(), from, to) ? 1 : 0;
            }
        }
        assertTrue(matched > 800, matched + " searches matched");
    }

    @Test
    void onlyABoundedOpeningThatCanMatchNothingQualifies() {
        assertNotNull(MatchStart.forPattern("(?i)[\\w.-]{0,50}?(?:key|token)=([a-z]{8})"));
        assertNotNull(MatchStart.forPattern("(\\b[a-z]?ghp_[a-z]{4})"));
        assertNull(MatchStart.forPattern("ghp_[a-z]{4}"), "no opening");
        assertNull(MatchStart.forPattern("[a-z]*ghp_"), "an unbounded opening");
        assertNull(MatchStart.forPattern("a?b?"), "all of it can match nothing");
        assertNull(MatchStart.forPattern("(?m)x?^ab$"), "prints as a different expression");
    }

    @Test
    void widthsCountUtf16CharactersAndCoverEveryCase() {
        assertEquals(50, width("[\\w.-]{0,50}?"));
        assertEquals(0, width("\\b"));
        assertEquals(2, width("(?i)k"), "k folds to the Kelvin sign");
        assertEquals(1, width("[a-z]"));
        assertEquals(2, width("[^a]"), "takes characters beyond the BMP");
        assertEquals(2, width("\uD83D\uDE00"));
        assertEquals(6, width("(?:ab|c){0,3}"));
        assertEquals(0, width("(?:a*){0}"));
        assertEquals(-1, width("a*"));
        assertEquals(-1, width("(?:ab){2,}"));
    }

    private static int width(String regex) {
        return MatchStart.maxWidth(Parser.parse(regex, RE2.PERL));
    }

    /** Asserts the two searches agree; returns whether they found a match starting in {@code [from, to]}. */
    private static boolean sameAsFromTheStart(Pattern pattern, MatchStart start, String text, int from, int to) {
        Matcher whole = pattern.matcher(text);
        boolean expected = whole.find(from) && whole.start() <= to;
        String expectedSpan = expected ? whole.start() + "-" + whole.end() : "none";
        int at = start.searchFrom(text, from, to);
        String actualSpan = "none";
        if (at >= 0) {
            Matcher bounded = pattern.matcher(text);
            assertTrue(at >= from && at <= to, "outside the range: " + at);
            if (bounded.find(at) && bounded.start() <= to) {
                actualSpan = bounded.start() + "-" + bounded.end();
            }
        }
        assertEquals(expectedSpan, actualSpan, pattern + " from " + from + " to " + to + " in: " + text);
        return expected;
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
