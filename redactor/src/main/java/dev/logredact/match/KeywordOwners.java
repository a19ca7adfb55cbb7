package dev.logredact.match;

import dev.logredact.rules.Rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules' keywords, each once in the order first listed, and for each keyword the rules that list it.
 * Arrays, not lists of boxed indexes: an agent builds this interpreted while the JVM starts.
 */
final class KeywordOwners {
    final List<String> keywords = new ArrayList<>();
    /** For each keyword, the indexes of the rules that list it, in rule order. */
    final int[][] rulesOfKeyword;
    /** The rules that list no keyword: they run on every text. */
    final int[] alwaysRun;

    KeywordOwners(Rule[] rules) {
        Map<String, Integer> index = new HashMap<>();
        int[][] keywordsOfRule = new int[rules.length][];
        int[] owners = new int[16];
        int always = 0;
        for (int r = 0; r < rules.length; r++) {
            List<String> listed = rules[r].keywords();
            always += listed.isEmpty() ? 1 : 0;
            int[] indexes = new int[listed.size()];
            int n = 0;
            for (String keyword : listed) {
                if (keyword.isEmpty()) {
                    continue;
                }
                Integer k = index.get(keyword);
                if (k == null) {
                    k = keywords.size();
                    index.put(keyword, k);
                    keywords.add(keyword);
                    if (k == owners.length) {
                        owners = Arrays.copyOf(owners, 2 * k);
                    }
                }
                indexes[n++] = k;
                owners[k]++;
            }
            keywordsOfRule[r] = Arrays.copyOf(indexes, n);
        }
        rulesOfKeyword = new int[keywords.size()][];
        for (int k = 0; k < rulesOfKeyword.length; k++) {
            rulesOfKeyword[k] = new int[owners[k]];
            owners[k] = 0;
        }
        alwaysRun = new int[always];
        always = 0;
        for (int r = 0; r < rules.length; r++) {
            if (rules[r].keywords().isEmpty()) {
                alwaysRun[always++] = r;
            }
            for (int k : keywordsOfRule[r]) {
                // A rule that lists a keyword twice owns it once; its keywords come together, so a repeat is last.
                if (owners[k] == 0 || rulesOfKeyword[k][owners[k] - 1] != r) {
                    rulesOfKeyword[k][owners[k]++] = r;
                }
            }
        }
        for (int k = 0; k < rulesOfKeyword.length; k++) {
            if (owners[k] < rulesOfKeyword[k].length) {
                rulesOfKeyword[k] = Arrays.copyOf(rulesOfKeyword[k], owners[k]);
            }
        }
    }
}
