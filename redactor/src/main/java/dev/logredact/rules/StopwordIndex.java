package dev.logredact.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An allowlist's stopwords, found as gitleaks finds them: a text contains one, case-sensitively (the
 * caller lowercases the secret, as gitleaks does). gitleaks' generic rule lists over a thousand, tried
 * on every finding: a {@code contains} per stopword cost tens of microseconds a finding, and its loop
 * was among the JIT compiler's longest jobs. Indexed by their first two characters, each position of
 * the text is compared only with the stopwords that begin with the two characters there.
 */
final class StopwordIndex {
    /** Stopwords of fewer than two characters, searched for as they are. */
    private final String[] shortOnes;
    /** The distinct first pairs of characters, sorted; {@link #byPair} holds the stopwords of each. */
    private final int[] pairs;
    private final String[][] byPair;
    /** One bit per pair of low bytes of the first pairs: most positions are passed over on this alone. */
    private final long[] pairBits = new long[1024];

    /** A class, not a lambda: an agent's first finding would pay for a generated class. */
    private static final Comparator<String> BY_FIRST_PAIR = new Comparator<String>() {
        @Override
        public int compare(String a, String b) {
            return Integer.compare(pair(a, 0), pair(b, 0));
        }
    };

    StopwordIndex(List<String> stopwords) {
        List<String> shorts = new ArrayList<>();
        List<String> longs = new ArrayList<>();
        for (String s : stopwords) {
            (s.length() < 2 ? shorts : longs).add(s);
        }
        longs.sort(BY_FIRST_PAIR);
        int[] keys = new int[longs.size()];
        String[][] groups = new String[longs.size()][];
        int n = 0;
        for (int i = 0; i < longs.size(); ) {
            int key = pair(longs.get(i), 0);
            int j = i;
            while (j < longs.size() && pair(longs.get(j), 0) == key) {
                j++;
            }
            keys[n] = key;
            groups[n++] = longs.subList(i, j).toArray(new String[0]);
            int bit = bit(key);
            pairBits[bit >>> 6] |= 1L << bit;
            i = j;
        }
        this.shortOnes = shorts.toArray(new String[0]);
        this.pairs = Arrays.copyOf(keys, n);
        this.byPair = Arrays.copyOf(groups, n);
    }

    /** Whether {@code text} contains a stopword. */
    boolean foundIn(String text) {
        for (String s : shortOnes) {
            if (text.contains(s)) {
                return true;
            }
        }
        for (int i = 0; i + 1 < text.length(); i++) {
            int key = pair(text, i);
            int bit = bit(key);
            if ((pairBits[bit >>> 6] & 1L << bit) == 0) {
                continue;
            }
            int at = Arrays.binarySearch(pairs, key);
            if (at >= 0) {
                for (String stopword : byPair[at]) {
                    if (text.startsWith(stopword, i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int pair(String s, int i) {
        return s.charAt(i) << 16 | s.charAt(i + 1);
    }

    private static int bit(int pair) {
        return (pair >>> 8 & 0xff00) | (pair & 0xff);
    }
}
