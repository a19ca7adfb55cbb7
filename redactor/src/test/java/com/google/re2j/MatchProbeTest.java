package com.google.re2j;

import dev.logredact.rules.Rule;
import dev.logredact.testing.CompatRules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The probe may say "maybe" wrongly, but must never say "no" where re2j finds a match. */
class MatchProbeTest {
    @Test
    void neverMissesAMatchOfAnyGitleaksRule() {
        Random random = new Random(42);
        int matched = 0;
        java.util.Set<String> rulesMatched = new java.util.HashSet<>();
        for (Rule rule : CompatRules.ruleSet().rules()) {
            if (rule.regex() == null) {
                continue;
            }
            MatchProbe probe = MatchProbe.forPattern(rule.regex().pattern());
            for (int i = 0; i < 300; i++) {
                String text = RuleTexts.candidate(random, rule);
                boolean re2j = rule.regex().matcher(text).find();
                if (re2j) {
                    matched++;
                    rulesMatched.add(rule.id());
                }
                if (probe != null && probe.mayMatch(text, 0, text.length()) != re2j) {
                    fail("probe says " + !re2j + ", re2j " + re2j + " for " + rule.id() + " in: " + text);
                }
            }
        }
        // The generator must actually produce matches for the comparison to mean anything.
        assertTrue(matched > 1000 && rulesMatched.size() > 100,
                matched + " texts matched, of " + rulesMatched.size() + " rules");
    }

    @Test
    void rejectsTextWithoutAMatch() {
        MatchProbe probe = MatchProbe.forPattern("(?i)[\\w.-]{0,50}?(?:token)(?:[ \\t\\w.-]{0,20})[\\s'\"]{0,3}(?:=|:)([a-z0-9]{32})\\b");
        String text = "[DEBUG] token count is 12 for module api";
        assertFalse(probe.mayMatch(text, 0, text.length()));
        String hit = "token =0123456789abcdef0123456789abcdef";
        assertTrue(probe.mayMatch(hit, 0, hit.length()));
    }

    @Test
    void aKeywordWithoutASecretAfterItIsRejected() {
        MatchProbe generic = MatchProbe.forPattern(CompatRules.ruleSet().rule("generic-api-key").regex().pattern());
        String line = "[DEBUG] Resolving artifact org.apiguardian:apiguardian-api:pom:1.1.2 from [central (https://repo.example/maven2, default, releases)]";
        assertFalse(generic.mayMatch(line, 0, line.length()));
    }

    @Test
    void assertionsAreJudgedByTheTextAroundTheRange() {
        MatchProbe word = MatchProbe.forPattern("\\bghp_[a-z]{4}\\b");
        String text = "xghp_abcd ghp_abcd";
        // A leading assertion can match the empty string, so it is dropped: "maybe" is the safe answer.
        assertTrue(word.mayMatch(text, 1, 9));
        assertTrue(word.mayMatch(text, 10, 18));
        assertFalse(word.mayMatch("ghp_abcde", 0, 8));
        MatchProbe anchored = MatchProbe.forPattern("^key=[a-z]+$");
        assertTrue(anchored.mayMatch("key=abc", 0, 7));
        assertFalse(anchored.mayMatch("key=abc ", 0, 7));
    }

    @Test
    void patternsThatMatchTheEmptyStringGetNoProbe() {
        assertNull(MatchProbe.forPattern("a*"));
        assertNull(MatchProbe.forPattern("(?:\\b|$)"));
    }

    @Test
    void manyThreadsShareOneProbe() throws Exception {
        MatchProbe probe = MatchProbe.forPattern("(?i)key\\s*=\\s*([a-z0-9]{20,40})");
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            final int seed = t;
            threads.add(new Thread(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < 20_000; i++) {
                    String token = RuleTexts.randomToken(random, RuleTexts.CHARSETS[random.nextInt(RuleTexts.CHARSETS.length)], 10 + random.nextInt(40));
                    String text = "x key = " + token + " y";
                    boolean expected = Pattern.compile("(?i)key\\s*=\\s*([a-z0-9]{20,40})").matcher(text).find();
                    if (expected && !probe.mayMatch(text, 0, text.length())) {
                        synchronized (errors) {
                            errors.add(new AssertionError("missed " + text));
                        }
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void theLiteralEveryMatchNeedsIsFoundExactlyAndOnlyThen() {
        assertEquals("SK", MatchProbe.requiredLiteral(Parser.parse("SK[0-9a-fA-F]{32}", RE2.PERL)));
        assertEquals("API-", MatchProbe.requiredLiteral(Parser.parse("\\b(API-[A-Z0-9]{26})(?:['\"\\s;]|$)", RE2.PERL)));
        assertEquals("ghp_", MatchProbe.requiredLiteral(Parser.parse("(?:x)?ghp_[0-9a-zA-Z]{36}", RE2.PERL)));
        assertEquals("ab", MatchProbe.requiredLiteral(Parser.parse("a\\bb", RE2.PERL)));
        assertNull(MatchProbe.requiredLiteral(Parser.parse("(?i)SK[0-9a-f]{32}", RE2.PERL)));
        assertNull(MatchProbe.requiredLiteral(Parser.parse("(?:SK|AC)[0-9a-f]{32}", RE2.PERL)));
        assertNull(MatchProbe.requiredLiteral(Parser.parse("(?:SK)?[0-9a-f]{32}", RE2.PERL)));

        MatchProbe probe = MatchProbe.forPattern("SK[0-9a-fA-F]{32}");
        String key = "SK0123456789abcdef0123456789ABCDEF";
        String line = "[sku=42] sk0123456789abcdef0123456789abcdef then " + key;
        assertFalse(probe.mayMatch(line, 0, line.indexOf(key)), "lower-case sk only");
        assertTrue(probe.mayMatch(line, 0, line.length()));
        assertFalse(probe.mayMatch(line, line.indexOf(key) + 1, line.length()), "the literal starts before the range");
        assertFalse(probe.mayMatch(new StringBuilder(line), 0, line.indexOf(key)), "any CharSequence");
        assertTrue(probe.mayMatch(new StringBuilder(line), 0, line.length()));
    }

    @Test
    void agreesWithRe2jOnTextBeyondAscii() {
        String[] patterns = {"(?i)token[=:]\\s*(\\S{4,})", "é[a-z]{2}", "x.y", "\\bwörd\\b", "日本[^ ]+", "a\\S\\Sb",
            "(?i)ÄPI_[a-z]{3}"};
        // Pieces of the patterns, non-ASCII letters, a surrogate pair and a lone surrogate.
        String[] pieces = {"token=", "TOKEN:", " ", "é", "ab", "x", "y", "wörd", "日本", "\uD83D\uDE00", "\uD83D", "äpi_",
            "ÄPI_", "abc", "b"};
        Random random = new Random(8);
        int matched = 0;
        for (String pattern : patterns) {
            MatchProbe probe = MatchProbe.forPattern(pattern);
            Pattern re2j = Pattern.compile(pattern);
            for (int i = 0; i < 3000; i++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(10); n > 0; n--) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                boolean found = re2j.matcher(text).find();
                matched += found ? 1 : 0;
                if (probe != null && !probe.mayMatch(text.toString(), 0, text.length()) && found) {
                    fail("probe says no, re2j finds " + pattern + " in: " + text);
                }
            }
        }
        assertTrue(matched > 2000, matched + " texts matched");
    }
}
