package dev.logredact.stream;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a byte stream into blocks that end just after a {@code \n}, each at most a given size. A block
 * takes what the input has ready and does not wait for more once it holds a line end, so a live stream
 * passes on as it comes. A block ends elsewhere only when it is full without a line end, or at the end
 * of input.
 */
final class LineBlocks {
    private final InputStream in;
    private final int size;
    private byte[] carry = new byte[0];
    private int carried;
    private boolean ended;

    LineBlocks(InputStream in, int size) {
        this.in = in;
        this.size = size;
    }

    /** True when the next block can be had without waiting for input. */
    boolean ready() throws IOException {
        return ended || in.available() > 0 || lastLineEnd(carry, carried) >= 0;
    }

    /** The next block, or null at the end of input. */
    Block next() throws IOException {
        byte[] bytes = new byte[Math.max(size, carried)];
        System.arraycopy(carry, 0, bytes, 0, carried);
        int n = carried;
        while (!ended && n < bytes.length && (lastLineEnd(bytes, n) < 0 || in.available() > 0)) {
            int read = in.read(bytes, n, bytes.length - n);
            if (read < 0) {
                ended = true;
            } else {
                n += read;
            }
        }
        if (n == 0) {
            return null;
        }
        int lineEnd = lastLineEnd(bytes, n);
        int cut = lineEnd >= 0 ? lineEnd + 1 : n;
        carried = n - cut;
        carry = new byte[carried];
        System.arraycopy(bytes, cut, carry, 0, carried);
        return new Block(bytes, cut);
    }

    private static int lastLineEnd(byte[] bytes, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The first {@code length} bytes of {@code bytes}. */
    static final class Block {
        final byte[] bytes;
        final int length;

        Block(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
        }
    }
}
