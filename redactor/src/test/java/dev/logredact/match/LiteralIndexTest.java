package dev.logredact.match;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checked against the obvious quadratic search, on random texts over small alphabets where patterns recur. */
class LiteralIndexTest {

    @Test
    void findsExactlyWhatANaiveSearchFindsAndHoldsExactlyWhatCouldStillMatch() {
        Random random = new Random(11);
        for (int trial = 0; trial < 3_000; trial++) {
            String alphabet = random.nextBoolean() ? "ab" : "abcdxyz01";
            byte[][] patterns = new byte[1 + random.nextInt(12)][];
            for (int i = 0; i < patterns.length; i++) {
                patterns[i] = randomBytes(random, alphabet, 1 + random.nextInt(12));
            }
            byte[] text = randomBytes(random, alphabet, random.nextInt(80));
            int from = text.length == 0 ? 0 : random.nextInt(text.length + 1);
            LiteralIndex index = new LiteralIndex(patterns);
            List<String> found = new ArrayList<>();
            // Bytes past the end of the text, as in a buffer, must not count.
            byte[] buffer = java.util.Arrays.copyOf(text, text.length + random.nextInt(20));
            for (int i = text.length; i < buffer.length; i++) {
                buffer[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            int hold = index.scan(buffer, from, text.length, (s, e, p) -> found.add(s + ":" + e + ":" + p));
            assertEquals(naiveMatches(patterns, text, from), found, "trial " + trial);
            assertEquals(naiveHold(patterns, text, from), hold, "trial " + trial);
        }
    }

    @Test
    void aSpaceInAPatternTakesAWhitespaceRunInTheBytesAsTheMatchViewDoes() {
        Random random = new Random(13);
        int matched = 0;
        for (int trial = 0; trial < 3_000; trial++) {
            String alphabet = random.nextBoolean() ? "ab \n" : "abcxyz \t\r\n";
            byte[][] patterns = new byte[1 + random.nextInt(6)][];
            for (int i = 0; i < patterns.length; i++) {
                byte[] p;
                do {
                    p = MatchText.normalise(randomBytes(random, alphabet, 1 + random.nextInt(10)));
                } while (p.length == 0);
                patterns[i] = p;
            }
            byte[] text = randomBytes(random, alphabet, random.nextInt(60));
            MatchText view = new MatchText();
            view.append(text, 0, text.length, 0);
            byte[] viewed = java.util.Arrays.copyOf(view.bytes(), view.length());
            List<String> expected = new ArrayList<>();
            for (String m : naiveMatches(patterns, viewed, 0)) {
                String[] f = m.split(":");
                int start = view.source(Integer.parseInt(f[0]));
                int end = view.source(Integer.parseInt(f[1]) - 1) + 1;
                expected.add(start + ":" + end + ":" + f[2]);
            }
            int viewHold = naiveHold(patterns, viewed, 0);
            List<String> found = new ArrayList<>();
            int hold = new LiteralIndex(patterns).scan(text, 0, text.length, (st, e, p) -> found.add(st + ":" + e + ":" + p));
            expected.sort(null);
            found.sort(null);
            assertEquals(expected, found, "trial " + trial);
            assertEquals(viewHold == viewed.length ? text.length : view.source(viewHold), hold, "trial " + trial);
            matched += found.size();
        }
        assertTrue(matched > 1000, matched + " matches");
    }

    @Test
    void patternsAddedToAnIndexAreFoundAsIfItWereBuiltWithThem() {
        Random random = new Random(17);
        for (int trial = 0; trial < 500; trial++) {
            String alphabet = random.nextBoolean() ? "ab" : "abcdxyz01";
            List<byte[]> all = new ArrayList<>();
            LiteralIndex grown = new LiteralIndex(new byte[0][]);
            for (int step = random.nextInt(6); step >= 0; step--) {
                byte[][] more = new byte[random.nextInt(40)][];
                for (int i = 0; i < more.length; i++) {
                    more[i] = randomBytes(random, alphabet, 1 + random.nextInt(12));
                    all.add(more[i]);
                }
                grown = grown.plus(more);
            }
            byte[][] patterns = all.toArray(new byte[0][]);
            byte[] text = randomBytes(random, alphabet, random.nextInt(120));
            List<String> found = new ArrayList<>();
            int hold = grown.scan(text, 0, text.length, (s, e, p) -> found.add(s + ":" + e + ":" + p));
            assertEquals(naiveMatches(patterns, text, 0), found, "trial " + trial);
            assertEquals(naiveHold(patterns, text, 0), hold, "trial " + trial);
        }
    }

    @Test
    void anIndexGrownFromAnEmptyOneHasTheKeysOfOneBuiltAtOnce() {
        byte[][] few = {"abcdefghij".getBytes(StandardCharsets.US_ASCII), "0123456789".getBytes(StandardCharsets.US_ASCII)};
        LiteralIndex grown = new LiteralIndex(new byte[0][]).plus(few);
        assertEquals(new LiteralIndex(few).keyLength(), grown.keyLength());
        assertEquals(8, grown.keyLength());
        byte[][] more = {"klmnopqrst".getBytes(StandardCharsets.US_ASCII)};
        assertEquals(8, grown.plus(more).keyLength());
        assertEquals(3, grown.plus(new byte[][] {"xyz".getBytes(StandardCharsets.US_ASCII)}).keyLength());
    }

    /**
     * Sets of a thousand patterns and more move by their keys' triples (or, with short keys, probe every
     * position): grown past that size or built at it, over bytes that share their low six bits ({@code a}
     * and {@code !}, {@code 0} and {@code p}, {@code @} and NUL), with copies of patterns in the text.
     */
    @Test
    void largeSetsFindExactlyWhatANaiveSearchFinds() {
        Random random = new Random(19);
        int matched = 0;
        for (int trial = 0; trial < 24; trial++) {
            String alphabet = trial % 3 == 0 ? "a!0p@\u0000" : "abcdxyz01a!0p@";
            int shortest = trial % 4 == 3 ? 3 : 8;
            List<byte[]> all = new ArrayList<>();
            LiteralIndex grown = new LiteralIndex(new byte[0][]);
            while (all.size() < 900 + random.nextInt(600)) {
                byte[][] more = new byte[1 + random.nextInt(300)][];
                for (int i = 0; i < more.length; i++) {
                    more[i] = randomBytes(random, alphabet, shortest + random.nextInt(10));
                    all.add(more[i]);
                }
                grown = grown.plus(more);
            }
            byte[][] patterns = all.toArray(new byte[0][]);
            byte[] text = randomBytes(random, alphabet, 4000);
            for (int copies = 0; copies < 40; copies++) {
                byte[] p = patterns[random.nextInt(patterns.length)];
                System.arraycopy(p, 0, text, random.nextInt(text.length - p.length), p.length);
            }
            int from = random.nextInt(50);
            for (LiteralIndex index : new LiteralIndex[] {grown, new LiteralIndex(patterns)}) {
                List<String> found = new ArrayList<>();
                int hold = index.scan(text, from, text.length, (st, e, p) -> found.add(st + ":" + e + ":" + p));
                assertEquals(naiveMatches(patterns, text, from), found, "trial " + trial);
                assertEquals(naiveHold(patterns, text, from), hold, "trial " + trial);
                matched += found.size();
            }
        }
        assertTrue(matched > 24 * 2 * 40, matched + " matches");
    }

    @Test
    void aSecretThatRepeatsItsOwnPrefixIsFoundAfterASplit() {
        LiteralIndex index = new LiteralIndex(new byte[][] {"11112222".getBytes(StandardCharsets.US_ASCII)});
        byte[] text = "id=11112222".getBytes(StandardCharsets.US_ASCII);
        assertEquals(3, index.scan(text, 0, 6, (s, e, p) -> { }));
        List<Integer> starts = new ArrayList<>();
        index.scan(text, 3, text.length, (s, e, p) -> starts.add(s));
        assertEquals(List.of(3), starts);
    }

    @Test
    void manyPatternsStillScanInOnePass() {
        Random random = new Random(5);
        byte[][] patterns = new byte[20_000][];
        for (int i = 0; i < patterns.length; i++) {
            patterns[i] = randomBytes(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 20 + random.nextInt(30));
        }
        LiteralIndex index = new LiteralIndex(patterns);
        byte[] text = ("[INFO] build " + new String(patterns[12_345], StandardCharsets.US_ASCII) + " done")
                .getBytes(StandardCharsets.US_ASCII);
        List<Integer> found = new ArrayList<>();
        index.scan(text, 0, text.length, (s, e, p) -> found.add(p));
        assertEquals(List.of(12_345), found);
    }

    private static List<String> naiveMatches(byte[][] patterns, byte[] text, int from) {
        List<String> out = new ArrayList<>();
        for (int s = from; s < text.length; s++) {
            for (int p = 0; p < patterns.length; p++) {
                if (s + patterns[p].length <= text.length && regionEquals(text, s, patterns[p], patterns[p].length)) {
                    out.add(s + ":" + (s + patterns[p].length) + ":" + p);
                }
            }
        }
        return out;
    }

    private static int naiveHold(byte[][] patterns, byte[] text, int from) {
        for (int s = from; s < text.length; s++) {
            for (byte[] p : patterns) {
                int available = text.length - s;
                if (p.length > available && regionEquals(text, s, p, available)) {
                    return s;
                }
            }
        }
        return text.length;
    }

    private static boolean regionEquals(byte[] text, int s, byte[] p, int n) {
        for (int i = 0; i < n; i++) {
            if (text[s + i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] randomBytes(Random random, String alphabet, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return b;
    }
}
