package dev.logredact.match;

import dev.logredact.rules.Rule;
import dev.logredact.testing.CompatRules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The automaton reports every occurrence of every keyword, in any case, however it skips ahead. */
class KeywordAutomatonTest {

    @Test
    void propertyEveryOccurrenceIsReportedAsASearchForEachKeywordFindsIt() {
        Set<String> distinct = new LinkedHashSet<>();
        for (Rule r : CompatRules.ruleSet().rules()) {
            distinct.addAll(r.keywords());
        }
        distinct.add("x");
        distinct.add("日本");
        assertEveryOccurrenceIsReported(new ArrayList<>(distinct), "abcdeksyAPIKEYSK_-.:= \t日本é", 3);
    }

    /** More distinct bytes than the 64 codes the skip table judges three characters by, so codes are shared. */
    @Test
    void propertyKeywordsOfAnyLengthOverManyDistinctBytesAreReported() {
        String alphabet = "!#$%&()*+,-./0123456789:;<=>?@[]^_`{|}~abcdefghijklmnopqrstuvwxyz\u00bf\u20ac\u65e5";
        Set<String> distinct = new LinkedHashSet<>();
        distinct.add("~");
        Random random = new Random(13);
        while (distinct.size() < 150) {
            StringBuilder k = new StringBuilder();
            for (int n = 2 + random.nextInt(3); n > 0; n--) {
                k.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            distinct.add(k.toString());
        }
        assertEveryOccurrenceIsReported(new ArrayList<>(distinct), alphabet + " \t\n\r\u001b", 7);
    }

    private static void assertEveryOccurrenceIsReported(List<String> keywords, String filler, int seed) {
        KeywordAutomaton automaton = new KeywordAutomaton(keywords);
        Random random = new Random(seed);
        int reported = 0;
        for (int trial = 0; trial < 2000; trial++) {
            StringBuilder text = new StringBuilder();
            for (int part = random.nextInt(12); part > 0; part--) {
                for (int i = random.nextInt(5); i > 0; i--) {
                    text.append(filler.charAt(random.nextInt(filler.length())));
                }
                String keyword = keywords.get(random.nextInt(keywords.size()));
                text.append(random.nextBoolean() ? keyword.toUpperCase(Locale.ROOT) : keyword);
            }
            String lower = text.toString().toLowerCase(Locale.ROOT);
            Set<String> expected = new TreeSet<>();
            for (int k = 0; k < keywords.size(); k++) {
                for (int at = lower.indexOf(keywords.get(k)); at >= 0; at = lower.indexOf(keywords.get(k), at + 1)) {
                    expected.add(k + "@" + (at + keywords.get(k).length()));
                }
            }
            Set<String> actual = new TreeSet<>();
            automaton.scan(text, (keyword, end) -> actual.add(keyword + "@" + end));
            assertEquals(expected, actual, text.toString());
            reported += actual.size();
        }
        assertTrue(reported > 10_000, reported + " occurrences");
    }
}
