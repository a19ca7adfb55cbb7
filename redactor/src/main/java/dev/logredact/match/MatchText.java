package dev.logredact.match;

import java.io.ByteArrayOutputStream;

/**
 * The view of output bytes that known secrets are matched in: terminal escape sequences (colours,
 * cursor moves) are invisible, and every run of whitespace is one space. So a secret is found with
 * colour codes inside it, and a multi-line secret is found however its lines were re-wrapped or
 * indented ({@code echo $VAR} turns newlines into spaces). Each byte of the view remembers which
 * output byte it came from, so a mask replaces exactly the secret's bytes, codes inside it included.
 */
public final class MatchText {
    private static final int NORMAL = 0;
    private static final int ESCAPE = 1;
    private static final int CSI = 2;

    /** Grown on first use: most maskers never need the view (see StreamMasker). */
    private byte[] bytes = new byte[0];
    private int[] source = new int[0];
    private int length;
    private int state = NORMAL;
    private boolean afterSpace = true;

    /** Appends output bytes whose first one is output position {@code position}. */
    public void append(byte[] b, int off, int len, int position) {
        if (length + len > bytes.length) {
            int capacity = Math.max(Math.max(bytes.length * 2, length + len), 256);
            bytes = java.util.Arrays.copyOf(bytes, capacity);
            source = java.util.Arrays.copyOf(source, capacity);
        }
        byte[] view = bytes;
        int[] from = source;
        int n = length;
        for (int i = 0; i < len; i++) {
            byte c = b[off + i];
            // The common case first: a visible character outside any escape sequence.
            if (state == NORMAL && (c & 0xff) > ' ' && c != 0x1b) {
                view[n] = c;
                from[n++] = position + i;
                afterSpace = false;
                continue;
            }
            switch (state) {
                case ESCAPE:
                    state = c == '[' ? CSI : NORMAL;
                    continue;
                case CSI:
                    // Parameter and intermediate bytes run until a final byte in 0x40..0x7E.
                    if (c >= 0x40 && c <= 0x7e) {
                        state = NORMAL;
                    }
                    continue;
                default:
                    break;
            }
            if (c == 0x1b) {
                state = ESCAPE;
            } else if (isSpace(c)) {
                if (!afterSpace) {
                    view[n] = ' ';
                    from[n++] = position + i;
                    afterSpace = true;
                }
            } else {
                view[n] = c;
                from[n++] = position + i;
                afterSpace = false;
            }
        }
        length = n;
    }

    /** False while an escape sequence is open: bytes still to come may be hidden from the view. */
    public boolean outsideEscape() {
        return state == NORMAL;
    }

    /** Empty, outside any escape sequence, and after whitespace: as a new view starts. */
    public boolean atRest() {
        return length == 0 && state == NORMAL && afterSpace;
    }

    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /** The output position of view byte {@code i}. */
    public int source(int i) {
        return source[i];
    }

    /** Forgets view bytes that came from output before {@code position}, and renumbers the rest from 0. */
    public int dropBefore(int position) {
        int drop = 0;
        while (drop < length && source[drop] < position) {
            drop++;
        }
        System.arraycopy(bytes, drop, bytes, 0, length - drop);
        System.arraycopy(source, drop, source, 0, length - drop);
        length -= drop;
        for (int i = 0; i < length; i++) {
            source[i] -= position;
        }
        return drop;
    }

    /** Forgets everything, as when the output is cut: an escape sequence in progress ends too. */
    public void clear() {
        length = 0;
        state = NORMAL;
        afterSpace = true;
    }

    /** A secret form in the same view: whitespace runs as one space, leading and trailing ones dropped. */
    public static byte[] normalise(byte[] form) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(form.length);
        boolean space = false;
        for (byte c : form) {
            if (isSpace(c)) {
                space = out.size() > 0;
            } else {
                if (space) {
                    out.write(' ');
                    space = false;
                }
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
