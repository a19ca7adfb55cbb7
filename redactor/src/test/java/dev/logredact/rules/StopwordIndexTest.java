package dev.logredact.rules;

import dev.logredact.testing.CompatRules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index must find a stopword exactly where a {@code contains} per stopword finds one. */
class StopwordIndexTest {
    @Test
    void findsWhatContainsFindsForEveryAllowlistsStopwords() {
        List<List<String>> lists = new ArrayList<>();
        for (RuleSet set : new RuleSet[] {CompatRules.ruleSet(), RuleSetLoader.defaults()}) {
            for (Rule rule : set.rules()) {
                for (Allowlist a : rule.allowlists()) {
                    if (!a.stopwords().isEmpty()) {
                        lists.add(a.stopwords());
                    }
                }
            }
        }
        assertFalse(lists.isEmpty());
        Random random = new Random(9);
        int found = 0;
        int compared = 0;
        for (List<String> stopwords : lists) {
            StopwordIndex index = new StopwordIndex(stopwords);
            for (int i = 0; i < 3000; i++) {
                String text = text(random, stopwords);
                assertEquals(naive(stopwords, text), index.foundIn(text), text);
                found += index.foundIn(text) ? 1 : 0;
                compared++;
            }
        }
        assertTrue(found > compared / 4 && found < compared * 3 / 4, found + " of " + compared);
    }

    /** Short stopwords, shared first pairs, and characters whose low bytes collide with ASCII ones. */
    @Test
    void findsShortOnesPairsThatCollideAndStopwordsAtTheEnd() {
        StopwordIndex index = new StopwordIndex(Arrays.asList("x", "ab", "abc", "ābd", "", "zz"));
        assertTrue(index.foundIn("..x.."));
        assertTrue(index.foundIn("nothing"), "the empty stopword is in every text");
        StopwordIndex noEmpty = new StopwordIndex(Arrays.asList("ab", "ābd", "zz", "q"));
        assertTrue(noEmpty.foundIn("..ab"));
        assertTrue(noEmpty.foundIn("ābd"));
        assertFalse(noEmpty.foundIn("ąbd a bz z"), "ą shares ā's low byte");
        assertTrue(noEmpty.foundIn("zzz"));
        assertFalse(noEmpty.foundIn("z"));
        assertTrue(noEmpty.foundIn("q"));
        assertFalse(new StopwordIndex(new ArrayList<>()).foundIn("anything"));
    }

    private static boolean naive(List<String> stopwords, String text) {
        for (String s : stopwords) {
            if (text.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** Random characters around pieces of stopwords: whole ones, their first two characters, a character short. */
    private static String text(Random random, List<String> stopwords) {
        StringBuilder sb = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_-.āą";
        for (int n = random.nextInt(5); n >= 0; n--) {
            for (int k = random.nextInt(4); k > 0; k--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = stopwords.get(random.nextInt(stopwords.size()));
            int r = random.nextInt(8);
            sb.append(r == 0 ? s : r < 4 && s.length() > 2 ? s.substring(0, s.length() - 1) : s.substring(0, Math.min(2, s.length())));
        }
        return sb.toString();
    }
}
