package dev.logredact.match;

import java.util.HashMap;
import java.util.Map;

/** Shannon entropy in bits per character, computed as gitleaks does. */
public final class Entropy {
    private Entropy() {
    }

    /**
     * gitleaks counts runes but divides by the UTF-8 byte length; the two differ only for non-ASCII
     * secrets, and matching its figure keeps thresholds in shared rule files meaning the same.
     */
    public static double shannon(CharSequence s) {
        if (s.length() == 0) {
            return 0;
        }
        int[] ascii = new int[128];
        Map<Integer, Integer> other = null;
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            if (cp < 128) {
                ascii[cp]++;
                bytes++;
            } else {
                if (other == null) {
                    other = new HashMap<>();
                }
                other.merge(cp, 1, Integer::sum);
                bytes += cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            }
        }
        double entropy = 0;
        for (int count : ascii) {
            entropy -= term(count, bytes);
        }
        if (other != null) {
            for (int count : other.values()) {
                entropy -= term(count, bytes);
            }
        }
        return entropy;
    }

    private static double term(int count, int length) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / length;
        return p * Math.log(p) / Math.log(2);
    }
}
