package dev.logredact.match;

import dev.logredact.rules.StreamKeywords;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick over all rule keywords, compiled to a dense DFA: one table lookup per input character
 * finds every keyword occurrence, whatever the number of keywords. Matching is case-insensitive for
 * ASCII, which is what keywords are in practice (gitleaks lower-cases both sides).
 *
 * <p>The alphabet is the UTF-8 bytes that occur in keywords, folded to lower case; every other byte is
 * one class, which keeps the table small enough to stay in cache.
 */
final class KeywordAutomaton {
    /** Receives each keyword occurrence. */
    interface HitSink {
        void hit(int keyword, int end);
    }

    /** The first of the three codes of {@link LineKeywords#codes} that only a line end or ESC has. */
    private static final int STOP_CODE = 61;

    private final int[] lengths;
    /** Each keyword lower-cased, in UTF-8. */
    private final byte[][] encoded;
    private final byte[] classOf = new byte[256];
    private final int classes;
    private final boolean asciiOnly;
    /**
     * steps[state + class] is the next state, states premultiplied by {@link #classes} and a state where
     * a keyword ends stored as its complement (negative): the layout {@link LineKeywords} hands to line
     * scanners, so the automaton is built once, in one table. State 0 is the root.
     */
    private final int[] steps;
    /** Keywords ending at each state (by state number), following the failure chain; null where none. */
    private final int[][] outputs;
    /** One bit per pair of characters that some keyword begins with, in either case, for {@link #scan}. */
    private final long[] starts = new long[1024];

    KeywordAutomaton(List<String> keywords) {
        encoded = new byte[keywords.size()][];
        lengths = new int[keywords.size()];
        boolean ascii = true;
        int nextClass = 1;
        for (int k = 0; k < keywords.size(); k++) {
            String keyword = StreamKeywords.lowerCase(keywords.get(k));
            lengths[k] = keyword.length();
            encoded[k] = keyword.getBytes(StandardCharsets.UTF_8);
            for (byte b : encoded[k]) {
                int u = b & 0xff;
                ascii &= u < 128;
                if (classOf[u] == 0) {
                    classOf[u] = (byte) nextClass++;
                }
            }
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[c + ('a' - 'A')];
        }
        for (byte[] e : encoded) {
            if (e.length == 0) {
                continue;
            }
            for (int first : cases(e[0])) {
                if (e.length == 1) {
                    for (int second = 0; second < 256; second++) {
                        set(starts, first << 8 | second);
                    }
                } else {
                    for (int second : cases(e[1])) {
                        set(starts, first << 8 | second);
                    }
                }
            }
        }
        classes = nextClass;
        asciiOnly = ascii;

        // Flat arrays, no boxing, no table per trie state: an agent builds this while the JVM starts,
        // when the code runs interpreted, so work is per edge, not per state and class.
        int maxStates = 1;
        for (byte[] e : encoded) {
            maxStates += e.length;
        }
        // The trie: each state's children as a list, the root's also by class.
        int[] firstChild = new int[maxStates];
        int[] nextSibling = new int[maxStates];
        int[] classOfState = new int[maxStates];
        int[] rootChild = new int[classes];
        // Keywords ending at each state, in keyword order: a list threaded through nextEnd.
        int[] firstEnd = new int[maxStates];
        int[] lastEnd = new int[maxStates];
        int[] endCount = new int[maxStates];
        int[] nextEnd = new int[encoded.length];
        Arrays.fill(firstEnd, -1);
        int states = 1;
        for (int k = 0; k < encoded.length; k++) {
            int s = 0;
            for (byte b : encoded[k]) {
                int c = classOf[b & 0xff];
                int t = s == 0 ? rootChild[c] : child(firstChild[s], nextSibling, classOfState, c);
                if (t == 0) {
                    t = states++;
                    classOfState[t] = c;
                    nextSibling[t] = firstChild[s];
                    firstChild[s] = t;
                    if (s == 0) {
                        rootChild[c] = t;
                    }
                }
                s = t;
            }
            if (encoded[k].length > 0) {
                nextEnd[k] = -1;
                if (firstEnd[s] < 0) {
                    firstEnd[s] = k;
                } else {
                    nextEnd[lastEnd[s]] = k;
                }
                lastEnd[s] = k;
                endCount[s]++;
            }
        }

        steps = new int[states * classes];
        outputs = new int[states][];
        int[] fail = new int[states];
        // Whether a keyword ends at a state or along its failure chain; known for every state of a depth
        // before the states one deeper are placed, as breadth-first order guarantees.
        boolean[] accepting = new boolean[states];
        int[] queue = new int[states];
        int tail = 0;
        for (int t = firstChild[0]; t > 0; t = nextSibling[t]) {
            accepting[t] = endCount[t] > 0;
            steps[classOfState[t]] = code(t, accepting[t]);
            queue[tail++] = t;
        }
        for (int head = 0; head < tail; head++) {
            int s = queue[head];
            outputs[s] = ends(firstEnd[s], endCount[s], nextEnd, outputs[fail[s]]);
            int row = s * classes;
            int failRow = fail[s] * classes;
            // A state goes where its failure state goes, except along its own edges.
            System.arraycopy(steps, failRow, steps, row, classes);
            for (int t = firstChild[s]; t > 0; t = nextSibling[t]) {
                int c = classOfState[t];
                int f = steps[failRow + c];
                fail[t] = (f < 0 ? ~f : f) / classes;
                accepting[t] = endCount[t] > 0 || accepting[fail[t]];
                steps[row + c] = code(t, accepting[t]);
                queue[tail++] = t;
            }
        }
    }

    private int code(int state, boolean accepting) {
        return accepting ? ~(state * classes) : state * classes;
    }

    private static int child(int first, int[] nextSibling, int[] classOfState, int c) {
        for (int t = first; t > 0; t = nextSibling[t]) {
            if (classOfState[t] == c) {
                return t;
            }
        }
        return 0;
    }

    /** A keyword's byte and, for an ASCII letter, its other case: what the automaton takes for it. */
    private static int[] cases(byte b) {
        int u = b & 0xff;
        return u >= 'a' && u <= 'z' ? new int[] {u, u - ('a' - 'A')} : new int[] {u};
    }

    private static void set(long[] bits, int bit) {
        bits[bit >>> 6] |= 1L << bit;
    }

    /** The keywords ending at a state: its own, in keyword order, then those of its failure state; null if none. */
    private static int[] ends(int first, int count, int[] nextEnd, int[] inherited) {
        int total = count + (inherited == null ? 0 : inherited.length);
        if (total == 0) {
            return null;
        }
        int[] out = new int[total];
        int n = 0;
        for (int k = first; k >= 0; k = nextEnd[k]) {
            out[n++] = k;
        }
        if (inherited != null) {
            System.arraycopy(inherited, 0, out, n, inherited.length);
        }
        return out;
    }

    /** The keyword lower-cased, in UTF-8, as the automaton finds it; callers must not modify it. */
    byte[] encoded(int keyword) {
        return encoded[keyword];
    }

    int keywordCount() {
        return lengths.length;
    }

    /** The keyword's length in characters, to place a hit's start. */
    int length(int keyword) {
        return lengths[keyword];
    }

    /** Reports every keyword occurrence in {@code text}. */
    void scan(CharSequence text, HitSink sink) {
        int s = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (s == 0) {
                // Where no keyword begins the automaton stays at its start: step over such characters.
                for (int last = n - 1; i < last; i++) {
                    int first = text.charAt(i);
                    int second = text.charAt(i + 1);
                    int pair = first << 8 | second;
                    if ((first | second) >= 128 || (starts[pair >>> 6] & 1L << pair) != 0) {
                        break;
                    }
                }
            }
            char ch = text.charAt(i);
            int next;
            if (ch < 128 || asciiOnly) {
                next = steps[s + (ch < 128 ? classOf[ch] : 0)];
            } else {
                next = s;
                byte[] bytes = String.valueOf(Character.toLowerCase(ch)).getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) {
                    next = steps[(next < 0 ? ~next : next) + classOf[b & 0xff]];
                }
            }
            if (next < 0) {
                s = ~next;
                for (int k : outputs[s / classes]) {
                    sink.hit(k, i + 1);
                }
            } else {
                s = next;
            }
        }
    }

    /**
     * The table for a byte-level line scanner; see {@link LineKeywords}. {@code literals} tells which
     * keywords' hits need a closer look.
     */
    LineKeywords lineKeywords(boolean always, KeywordLiterals literals) {
        // With a rule that runs on every line, every byte of a line counts as a hit: one row, all hits.
        int[] lineSteps = steps;
        if (always) {
            lineSteps = new int[classes];
            Arrays.fill(lineSteps, ~0);
        }
        byte[] lineClasses = classOf.clone();
        lineClasses['\n'] = -1;
        lineClasses['\r'] = -1;
        lineClasses[0x1b] = -1;
        byte[] codes = new byte[256];
        for (int b = 0; b < codes.length; b++) {
            // Sharing a code only lets more positions through: a code may stand for several classes.
            codes[b] = (byte) ((classOf[b] & 0xff) % STOP_CODE);
        }
        codes['\n'] = STOP_CODE;
        codes['\r'] = STOP_CODE + 1;
        codes[0x1b] = STOP_CODE + 2;
        // Where no keyword begins, the automaton stays at its start: a line scanner there may skip to the
        // next byte, except at a byte it must see itself. With a rule that runs on every line, never.
        // Word by word where a keyword is shorter than three bytes, and no pass over the whole table
        // beyond one fill: this runs interpreted while an agent starts.
        long[] skip = new long[1 << 12];
        if (!always) {
            Arrays.fill(skip, 0, STOP_CODE << 6, -1L);
            for (byte[] e : encoded) {
                if (e.length == 0) {
                    continue;
                }
                int row = codes[e[0] & 0xff];
                if (e.length == 1) {
                    Arrays.fill(skip, row << 6, (row + 1) << 6, 0L);
                } else if (e.length == 2) {
                    skip[row << 6 | codes[e[1] & 0xff]] = 0L;
                } else {
                    int triple = row << 12 | codes[e[1] & 0xff] << 6 | codes[e[2] & 0xff];
                    skip[triple >>> 6] &= ~(1L << triple);
                }
            }
        }
        return new LineKeywords(lineClasses, classOf[0x1b], lineSteps, codes, skip, lengths.length == 0 && !always,
                always, always ? null : outputs, classes, literals);
    }

    /** True when any keyword occurs in the bytes: the cheap test that lets most lines pass untouched. */
    boolean anyHit(byte[] bytes, int offset, int length) {
        int s = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            s = steps[s + classOf[bytes[i] & 0xff]];
            if (s < 0) {
                return true;
            }
        }
        return false;
    }
}
