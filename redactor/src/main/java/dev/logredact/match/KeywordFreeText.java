package dev.logredact.match;

import dev.logredact.rules.StreamKeywords;

/**
 * Tells, without the keyword automaton, that bytes hold no keyword of a rule set: then no rule can see
 * them, since a rule runs only where one of its keywords hits ({@link PatternScanner}; a rule set with
 * a rule that lists none has no {@link StreamKeywords}). For a JVM that exits before its engine is
 * built: its few held lines are checked here in a fraction of the time the automaton takes to build.
 * Keywords are found as the automaton finds them: ASCII letters in either case, other bytes as they are.
 *
 * <p>An escape byte counts as a hit, as it does for the line scanner: escape sequences can split a
 * keyword, and the rules then see the text without them.
 */
public final class KeywordFreeText {
    private static final byte ESC = 0x1b;

    /** Per byte a keyword may begin with (lower case): those keywords' bytes, lower case; null where none. */
    private final byte[][][] byFirstByte;

    private KeywordFreeText(byte[][][] byFirstByte) {
        this.byFirstByte = byFirstByte;
    }

    /** @param keywords as {@link StreamKeywords} gives them: lower-cased, in UTF-8, none empty */
    public static KeywordFreeText of(byte[][] keywords) {
        byte[][][] byFirstByte = new byte[256][][];
        for (byte[] bytes : keywords) {
            int first = bytes[0] & 0xff;
            byte[][] listed = byFirstByte[first];
            byte[][] grown = new byte[listed == null ? 1 : listed.length + 1][];
            if (listed != null) {
                System.arraycopy(listed, 0, grown, 0, listed.length);
            }
            grown[grown.length - 1] = bytes;
            byFirstByte[first] = grown;
        }
        return new KeywordFreeText(byFirstByte);
    }

    /** True when {@code b[off, off + len)} holds no keyword and no escape byte. */
    public boolean holds(byte[] b, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; i++) {
            byte c = b[i];
            if (c == ESC) {
                return false;
            }
            byte[][] candidates = byFirstByte[lower(c) & 0xff];
            if (candidates == null) {
                continue;
            }
            for (byte[] keyword : candidates) {
                if (startsAt(b, i, end, keyword)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean startsAt(byte[] b, int at, int end, byte[] keyword) {
        if (end - at < keyword.length) {
            return false;
        }
        for (int j = 1; j < keyword.length; j++) {
            if (lower(b[at + j]) != keyword[j]) {
                return false;
            }
        }
        return true;
    }

    private static byte lower(byte c) {
        return c >= 'A' && c <= 'Z' ? (byte) (c + ('a' - 'A')) : c;
    }
}
