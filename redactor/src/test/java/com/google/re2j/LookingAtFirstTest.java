package com.google.re2j;

import dev.logredact.rules.Rule;
import dev.logredact.testing.CompatRules;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A match anchored at a text's start, else a search of the rest, gives what one search from the start
 * gives, groups included: what FindingFilter relies on when it matches a rule again over its match text.
 */
class LookingAtFirstTest {
    private static final String[] AROUND = {"", " ", "x", "=", "\"", "key ", "\n", "é"};

    @Test
    void givesTheGroupsOfOneSearchForEveryGitleaksRule() {
        Random random = new Random(23);
        int compared = 0;
        for (Rule rule : CompatRules.ruleSet().rules()) {
            if (rule.regex() == null) {
                continue;
            }
            for (int i = 0; i < 400; i++) {
                String text = AROUND[random.nextInt(AROUND.length)] + RuleTexts.candidate(random, rule)
                        + AROUND[random.nextInt(AROUND.length)];
                Matcher first = rule.regex().matcher(text);
                if (!first.find()) {
                    continue;
                }
                // As gitleaks does: the match text alone, and parts of it that need not start a match.
                for (String part : new String[] {first.group(), text.substring(first.start()), text.substring(1)}) {
                    assertEquals(groups(rule.regex(), part, false), groups(rule.regex(), part, true), rule.id() + ": " + part);
                    compared++;
                }
            }
        }
        assertTrue(compared > 3000, compared + " compared");
    }

    @Test
    void aTextWhoseMatchStartsLaterIsSearchedOn() {
        Pattern p = Pattern.compile("\\b(k\\d)");
        // No word boundary before the first k: the match is the second one.
        assertEquals("[4, 6, 4, 6]", groups(p, "xk1 k2", true));
        assertEquals(groups(p, "xk1 k2", false), groups(p, "xk1 k2", true));
    }

    private static String groups(Pattern pattern, String text, boolean anchoredFirst) {
        Matcher m = pattern.matcher(text);
        boolean found = anchoredFirst ? m.lookingAt() || m.find(0) : m.find();
        if (!found) {
            return "none";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int g = 0; g <= m.groupCount(); g++) {
            sb.append(g > 0 ? ", " : "").append(m.start(g)).append(", ").append(m.end(g));
        }
        return sb.append(']').toString();
    }
}
