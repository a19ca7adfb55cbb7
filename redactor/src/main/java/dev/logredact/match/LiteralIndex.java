package dev.logredact.match;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Finds every occurrence of many byte strings at once, at a cost per input byte that does not grow with
 * their number: a q-gram index. Each pattern is keyed by its first {@code q} bytes (q = the shortest
 * pattern's length, at most 8); a position is a candidate only when the {@code q} bytes there are a key,
 * which a bitmap answers for most positions with one lookup, and candidates are then compared whole.
 *
 * <p>An Aho–Corasick automaton does the same in one pass too, but its tables grow with the total length
 * of all patterns (tens of megabytes for 10,000 secrets in all their encoded forms); this index holds
 * the patterns and a table of their keys, a few bytes per pattern.
 *
 * <p>It also answers the streaming question: from which position could the end of the text still be
 * the beginning of a pattern, so that those bytes must be held until more arrive.
 *
 * <p>A space in a pattern stands for any run of whitespace, as in {@link MatchText}'s view, whose forms
 * are normalised so ({@link LiteralSet#pattern}): a multi-line secret is found in the raw bytes however its
 * lines were re-wrapped, without copying them into a view. Its key is taken from its first word, which
 * therefore must not be empty.
 */
public final class LiteralIndex {
    /** Reports one occurrence. */
    public interface Sink {
        void match(int start, int end, int pattern);
    }

    private static final int MAX_Q = 8;
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private final byte[][] patterns;
    /** Which patterns hold a space, to be compared a whitespace run at a time. */
    private final boolean[] spaced;
    /** Whether any does. */
    private final boolean anySpaced;
    private final int q;
    private final int maxLength;
    /** Open addressing: slot → key, and the first pattern with that key (-1 = empty slot). */
    private final long[] slotKeys;
    private final int[] slotFirst;
    /** Further patterns with the same key, chained by index. */
    private final int[] nextWithKey;
    private final int slotShift;
    /** One bit per hash of a key: most positions are rejected here without touching the table. */
    private final long[] bitmap;
    private final int bitmapShift;
    /** prefixes[j] holds the first j bytes of every key (j < q), for the tail of a text; made on first need. */
    private volatile long[][] prefixes;
    /**
     * One bit per byte value found in some key: a text whose last byte is in none (a line end) cannot end
     * with the beginning of a key, and needs no prefixes.
     */
    private final long[] keyBytes = new long[4];
    /**
     * One bit per pair of bytes that a pattern can begin with: a space in a pattern's second place takes
     * any whitespace, so such a pattern (and one of a single byte) lets through every pair it begins.
     */
    private final long[] pairs = new long[1024];
    /** Pairs let through: past {@link #SELECTIVE_PAIRS} (thousands of forms) the table rejects too little to pay. */
    private int pairCount;
    private static final int SELECTIVE_PAIRS = 2048;
    /**
     * With keys of two bytes or more: per pair of bytes, how far a window of q bytes that ends with it
     * can move on before a key could start in it (q - 1 for a pair in no key; 0 for the last pair of a
     * key). A scan reads one pair per window and mostly moves several bytes (Wu and Manber's shift
     * table), where the pair table reads a pair at every position. Null when q is 1 or {@link #triples} is used.
     */
    private final byte[] shift;
    /**
     * For a large set (a thousand forms and more, as a run that learns hundreds of secrets holds), the
     * same over each window's last three bytes, moving up to q - 2: by then the keys' pairs of letters
     * and digits are so many that a window's last pair mostly moves it little, where three bytes still
     * mostly rule every key out. Indexed by the low six bits of each byte, which keep letters, digits and
     * most punctuation apart without a hash in the scan's chain of dependent steps (bytes that share them
     * only share the smaller move). Null when unused; {@link #shift} is then null.
     */
    private final byte[] triples;
    private static final int TRIPLE_PATTERNS = 1024;
    /**
     * One bit per entry of {@link #shift} or {@link #triples}, set where it moves less than the most: a
     * few percent of entries even for thousands of forms. The scan reads this table first: at an eighth
     * of the size it stays in the first-level cache, and a branch taken almost always lets the
     * processor run ahead, where a move read from the large table chains each window to the last.
     */
    private final long[] near;

    public LiteralIndex(byte[][] patterns) {
        this.patterns = patterns.clone();
        this.spaced = new boolean[patterns.length];
        int shortest = MAX_Q;
        int longest = 0;
        boolean any = false;
        for (int i = 0; i < patterns.length; i++) {
            byte[] p = patterns[i];
            int word = firstWord(p);
            if (word == 0) {
                throw new IllegalArgumentException(p.length == 0 ? "empty pattern" : "a pattern begins with a space");
            }
            spaced[i] = word < p.length;
            any |= spaced[i];
            shortest = Math.min(shortest, word);
            longest = Math.max(longest, p.length);
        }
        this.q = patterns.length == 0 ? 1 : shortest;
        this.maxLength = longest;
        this.anySpaced = any;

        int slots = Integer.highestOneBit(Math.max(16, patterns.length * 2 - 1)) << 1;
        this.slotShift = 64 - Integer.numberOfTrailingZeros(slots);
        this.slotKeys = new long[slots];
        this.slotFirst = new int[slots];
        Arrays.fill(slotFirst, -1);
        this.nextWithKey = new int[patterns.length];
        int bits = Integer.highestOneBit(Math.max(4096, patterns.length * 16 - 1)) << 1;
        this.bitmap = new long[bits / 64];
        this.bitmapShift = 64 - Integer.numberOfTrailingZeros(bits);
        this.triples = usesTriples(q, patterns.length) ? new byte[1 << 18] : null;
        if (triples != null) {
            Arrays.fill(triples, (byte) (q - 2));
        }
        this.shift = q < 2 || triples != null ? null : new byte[1 << 16];
        if (shift != null) {
            Arrays.fill(shift, (byte) (q - 1));
        }
        this.near = triples != null ? new long[triples.length / 64] : shift != null ? new long[shift.length / 64] : null;
        // Entered last to first, each at the head of its key's chain: chains run in pattern order.
        for (int i = patterns.length - 1; i >= 0; i--) {
            long key = key(patterns[i], 0);
            int slot = slotFor(key);
            nextWithKey[i] = slotFirst[slot];
            slotKeys[slot] = key;
            slotFirst[slot] = i;
            filter(key, patterns[i]);
        }
    }

    /** A copy of {@code base}'s tables with {@code more} patterns entered after its own; see {@link #plus}. */
    private LiteralIndex(LiteralIndex base, byte[][] more) {
        int n = base.patterns.length;
        this.patterns = Arrays.copyOf(base.patterns, n + more.length);
        this.spaced = Arrays.copyOf(base.spaced, n + more.length);
        this.q = base.q;
        this.slotKeys = base.slotKeys.clone();
        this.slotFirst = base.slotFirst.clone();
        this.nextWithKey = Arrays.copyOf(base.nextWithKey, n + more.length);
        this.slotShift = base.slotShift;
        this.bitmap = base.bitmap.clone();
        this.bitmapShift = base.bitmapShift;
        System.arraycopy(base.keyBytes, 0, keyBytes, 0, keyBytes.length);
        System.arraycopy(base.pairs, 0, pairs, 0, pairs.length);
        this.pairCount = base.pairCount;
        this.shift = base.shift == null ? null : base.shift.clone();
        this.triples = base.triples == null ? null : base.triples.clone();
        this.near = base.near == null ? null : base.near.clone();
        int longest = base.maxLength;
        boolean any = base.anySpaced;
        for (int k = 0; k < more.length; k++) {
            int i = n + k;
            patterns[i] = more[k];
            spaced[i] = firstWord(more[k]) < more[k].length;
            any |= spaced[i];
            longest = Math.max(longest, more[k].length);
            append(i);
        }
        this.maxLength = longest;
        this.anySpaced = any;
    }

    /**
     * This index with {@code more} patterns after its own, numbered from {@link #patternCount()}: what a
     * stream needs when a secret is learned. Its tables are copied and the new patterns entered, unless
     * one needs a shorter key, the tables would be too full or this index is empty; then it is built
     * anew, with room to grow.
     */
    public LiteralIndex plus(byte[][] more) {
        int total = patterns.length + more.length;
        // An empty index has no q of its own (1 is a placeholder): grown from it, every key would be one
        // byte long, and the scan would test a byte pair at every position where it could skip several.
        boolean fits = patterns.length > 0 && total * 2 <= slotKeys.length && total * 8L <= bitmap.length * 64L
                && (triples != null) == usesTriples(q, total);
        for (byte[] p : more) {
            fits &= p.length > 0 && firstWord(p) >= q;
        }
        if (fits) {
            return new LiteralIndex(this, more);
        }
        byte[][] all = Arrays.copyOf(patterns, total);
        System.arraycopy(more, 0, all, patterns.length, more.length);
        return new LiteralIndex(all);
    }

    /** Enters pattern {@code i} at the end of its key's chain, so that a chain still runs in pattern order. */
    private void append(int i) {
        long key = key(patterns[i], 0);
        int slot = slotFor(key);
        nextWithKey[i] = -1;
        if (slotFirst[slot] < 0) {
            slotKeys[slot] = key;
            slotFirst[slot] = i;
        } else {
            int last = slotFirst[slot];
            while (nextWithKey[last] >= 0) {
                last = nextWithKey[last];
            }
            nextWithKey[last] = i;
        }
        filter(key, patterns[i]);
    }

    /** Lets a pattern through the pair and key bitmaps, and its key's bytes through the test of a text's last byte. */
    private void filter(long key, byte[] pattern) {
        int first = (pattern[0] & 0xff) << 8;
        if (pattern.length >= 2 && pattern[1] != ' ') {
            int pair = first | (pattern[1] & 0xff);
            letThrough(pair);
        } else {
            for (int second = 0; second < 256; second++) {
                letThrough(first | second);
            }
        }
        long h = hash(key) >>> bitmapShift;
        bitmap[(int) (h >>> 6)] |= 1L << h;
        for (int j = 0; j < q; j++) {
            int b = pattern[j] & 0xff;
            keyBytes[b >>> 6] |= 1L << b;
        }
        if (shift != null) {
            for (int j = 1; j < q; j++) {
                moveAtMost(shift, (pattern[j - 1] & 0xff) << 8 | (pattern[j] & 0xff), q - 1 - j);
            }
        }
        if (triples != null) {
            for (int j = 2; j < q; j++) {
                moveAtMost(triples, triple(pattern, j), q - 1 - j);
            }
        }
    }

    /** Lowers a move table's entry to {@code move}, noting in {@link #near} that it is not the most. */
    private void moveAtMost(byte[] moves, int entry, int move) {
        if (move < moves[entry]) {
            moves[entry] = (byte) move;
            near[entry >>> 6] |= 1L << entry;
        }
    }

    private static boolean usesTriples(int q, int patterns) {
        return q >= 4 && patterns >= TRIPLE_PATTERNS;
    }

    /** The {@link #triples} entry of the three bytes that end at {@code end}. */
    private static int triple(byte[] bytes, int end) {
        return (bytes[end - 2] & 0x3f) << 12 | (bytes[end - 1] & 0x3f) << 6 | (bytes[end] & 0x3f);
    }

    private void letThrough(int pair) {
        if ((pairs[pair >>> 6] & 1L << pair) == 0) {
            pairs[pair >>> 6] |= 1L << pair;
            pairCount++;
        }
    }

    private static int firstWord(byte[] p) {
        int word = 0;
        while (word < p.length && p[word] != ' ') {
            word++;
        }
        return word;
    }

    /** The sorted beginnings of the keys, for texts that end within fewer than q bytes of a start. */
    private long[][] prefixes() {
        long[][] p = prefixes;
        if (p == null) {
            p = new long[q][];
            for (int j = 1; j < q; j++) {
                long[] sorted = new long[patterns.length];
                for (int i = 0; i < patterns.length; i++) {
                    sorted[i] = key(patterns[i], 0) >>> (8 * (q - j));
                }
                Arrays.sort(sorted);
                p[j] = sorted;
            }
            prefixes = p;
        }
        return p;
    }

    /** The length of the keys, q: the more bytes a key has, the further a scan can skip. */
    int keyLength() {
        return q;
    }

    /** Whether some pattern holds a space (a whitespace run, in a normalised form). */
    public boolean anySpaced() {
        return anySpaced;
    }

    public int patternCount() {
        return patterns.length;
    }

    /** The longest pattern's length: no match can start earlier than this before the end of a text. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Reports every occurrence that starts in {@code [from, to)} and ends by {@code to}; returns the
     * smallest start in {@code [from, to)} whose text up to {@code to} is a proper prefix of a pattern,
     * or {@code to} when there is none. Bytes from there on may belong to a secret not yet complete.
     */
    public int scan(byte[] text, int from, int to, Sink sink) {
        if (patterns.length == 0) {
            return to;
        }
        int undecided = to;
        int lastFull = to - q;
        int s = from;
        if (triples != null || pairCount <= SELECTIVE_PAIRS && shift != null) {
            // A window's last pair (or triple) tells how far no key can start; only where one may is the
            // key read, as one word while the array has eight bytes from there.
            byte[] pairMoves = shift;
            byte[] tripleMoves = triples;
            long[] mayBeNear = near;
            int farthest = tripleMoves != null ? q - 2 : q - 1;
            ByteBuffer words = ByteBuffer.wrap(text);
            int unused = 8 * (8 - q);
            for (int wordEnd = Math.min(lastFull, text.length - 8); s <= wordEnd; ) {
                int end = s + q - 1;
                int entry = tripleMoves != null ? triple(text, end) : (text[end - 1] & 0xff) << 8 | (text[end] & 0xff);
                if ((mayBeNear[entry >>> 6] & 1L << entry) == 0) {
                    s += farthest;
                    continue;
                }
                int move = tripleMoves != null ? tripleMoves[entry] : pairMoves[entry];
                if (move > 0) {
                    s += move;
                } else {
                    undecided = probe(text, s, to, words.getLong(s) >>> unused, undecided, sink);
                    s++;
                }
            }
        } else if (pairCount <= SELECTIVE_PAIRS) {
            // Two bytes decide for most positions: a pair that begins no pattern needs no key, and the
            // few that do are read byte by byte (no buffer made per call: most calls find no pair).
            for (int pairEnd = Math.min(lastFull, to - 2); s <= pairEnd; s++) {
                int pair = (text[s] & 0xff) << 8 | (text[s + 1] & 0xff);
                if ((pairs[pair >>> 6] & 1L << pair) != 0) {
                    undecided = probe(text, s, to, key(text, s), undecided, sink);
                }
            }
        } else {
            // Reading each position's key as one big-endian long keeps the positions independent of
            // each other, where a rolling key chains every byte to the one before; only the last 7
            // bytes of the array are out of its reach.
            ByteBuffer words = ByteBuffer.wrap(text);
            int unused = 8 * (8 - q);
            for (int wordEnd = Math.min(lastFull, text.length - 8); s <= wordEnd; s++) {
                undecided = probe(text, s, to, words.getLong(s) >>> unused, undecided, sink);
            }
        }
        for (; s <= lastFull; s++) {
            undecided = probe(text, s, to, key(text, s), undecided, sink);
        }
        int last = to > 0 ? text[to - 1] & 0xff : 0;
        if (undecided == to && to > from && (keyBytes[last >>> 6] & 1L << last) != 0) {
            // Fewer than q bytes remain at these starts: compare them with the keys' beginnings.
            long[][] beginnings = prefixes();
            for (int t = Math.max(from, lastFull + 1); t < to; t++) {
                int j = to - t;
                if (Arrays.binarySearch(beginnings[j], key(text, t, j)) >= 0) {
                    return t;
                }
            }
        }
        return undecided;
    }

    /** Looks {@code key}, the text's at {@code s}, up in the bitmap, then among the keys; returns the new undecided start. */
    private int probe(byte[] text, int s, int to, long key, int undecided, Sink sink) {
        long h = hash(key) >>> bitmapShift;
        if ((bitmap[(int) (h >>> 6)] & (1L << h)) != 0) {
            return candidates(text, s, to, key, undecided, sink);
        }
        return undecided;
    }

    /** Compares the patterns keyed {@code key} with the text at {@code s}; returns the new undecided start. */
    private int candidates(byte[] text, int s, int to, long key, int undecided, Sink sink) {
        for (int p = first(key); p >= 0; p = nextWithKey[p]) {
            byte[] pattern = patterns[p];
            if (spaced[p]) {
                int end = spacedEnd(text, s + q, to, pattern);
                if (end >= 0) {
                    sink.match(s, end, p);
                } else if (end == RAN_OUT && s < undecided) {
                    undecided = s;
                }
                continue;
            }
            int available = to - s;
            if (pattern.length <= available) {
                if (equalFrom(text, s, pattern, q, pattern.length)) {
                    sink.match(s, s + pattern.length, p);
                }
            } else if (s < undecided && equalFrom(text, s, pattern, q, available)) {
                undecided = s;
            }
        }
        return undecided;
    }

    private static final int MISMATCH = -1;
    private static final int RAN_OUT = -2;

    /**
     * Compares a spaced pattern from its byte {@code q} on with the text from {@code at}, a space taking a
     * whole whitespace run: the end of the match, {@link #MISMATCH}, or {@link #RAN_OUT} when the text
     * ends while it still matches.
     */
    private int spacedEnd(byte[] text, int at, int to, byte[] pattern) {
        int i = at;
        for (int k = q; k < pattern.length; k++) {
            if (i >= to) {
                return RAN_OUT;
            }
            if (pattern[k] == ' ') {
                if (!MatchText.isSpace(text[i])) {
                    return MISMATCH;
                }
                while (i < to && MatchText.isSpace(text[i])) {
                    i++;
                }
            } else if (text[i++] != pattern[k]) {
                return MISMATCH;
            }
        }
        return i;
    }

    private int first(long key) {
        int slot = (int) (hash(key) >>> slotShift);
        int mask = slotFirst.length - 1;
        while (slotFirst[slot] >= 0) {
            if (slotKeys[slot] == key) {
                return slotFirst[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private int slotFor(long key) {
        int slot = (int) (hash(key) >>> slotShift);
        int mask = slotFirst.length - 1;
        while (slotFirst[slot] >= 0 && slotKeys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private long key(byte[] bytes, int at) {
        return key(bytes, at, q);
    }

    private static long key(byte[] bytes, int at, int length) {
        long k = 0;
        for (int i = 0; i < length; i++) {
            k = (k << 8) | (bytes[at + i] & 0xff);
        }
        return k;
    }

    private static boolean equalFrom(byte[] text, int start, byte[] pattern, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[start + i] != pattern[i]) {
                return false;
            }
        }
        return true;
    }

    private static long hash(long key) {
        return key * MULTIPLIER;
    }
}
