package dev.logredact.attach;

import java.io.IOException;
import java.util.List;

/**
 * The StackMapTable of a method whose code was moved behind a prologue: the prologue's frames (full
 * frames), one where the original code now starts, then the original frames with the first one's
 * offset re-based and every uninitialized value's {@code new} offset moved.
 */
final class StackMapFrames {
    private static final int SAME_LOCALS_1_STACK_ITEM_EXTENDED = 247;
    private static final int SAME_FRAME_EXTENDED = 251;
    private static final int FULL_FRAME = 255;

    private StackMapFrames() {
    }

    /** Frames for a method that had none. */
    static byte[] prologueOnly(Bytecode prologue, int shift, boolean joinFrame, ConstantPool pool) {
        ClassFilePatch.Output out = new ClassFilePatch.Output();
        int count = prologue.frames.size() + (joinFrame ? 1 : 0);
        out.u2(count);
        writePrologue(out, prologue, shift, joinFrame, pool);
        return out.toByteArray();
    }

    /** @param at where the original attribute's body (number_of_entries) starts in {@code in} */
    static byte[] shifted(byte[] in, int at, Bytecode prologue, int shift, boolean joinFrame, ConstantPool pool)
            throws IOException {
        int entries = ConstantPool.u2(in, at);
        int p = at + 2;
        int firstOffset = -1;
        if (entries > 0) {
            int tag = in[p] & 0xff;
            firstOffset = tag < 128 ? tag & 63 : ConstantPool.u2(in, p + 1);
        }
        // The original's own frame at its first instruction describes the entry state too: it serves.
        boolean join = joinFrame && firstOffset != 0;
        ClassFilePatch.Output out = new ClassFilePatch.Output();
        out.u2(prologue.frames.size() + (join ? 1 : 0) + entries);
        int previous = writePrologue(out, prologue, shift, join, pool);
        for (int i = 0; i < entries; i++) {
            int tag = in[p] & 0xff;
            int delta;
            int next;
            if (tag < 64) {
                delta = tag;
                next = p + 1;
            } else if (tag < 128) {
                delta = tag - 64;
                next = p + 1;
            } else if (tag >= SAME_LOCALS_1_STACK_ITEM_EXTENDED) {
                delta = ConstantPool.u2(in, p + 1);
                next = p + 3;
            } else {
                throw new IOException("reserved stack map frame type " + tag);
            }
            if (i == 0) {
                int offset = shift + delta;
                int newDelta = previous < 0 ? offset : offset - previous - 1;
                // Re-encoded with an explicit offset, which the short forms cannot hold.
                if (tag < 64) {
                    out.write(SAME_FRAME_EXTENDED);
                } else if (tag < 128) {
                    out.write(SAME_LOCALS_1_STACK_ITEM_EXTENDED);
                } else {
                    out.write(tag);
                }
                out.u2(newDelta);
            } else {
                out.write(in, p, next - p);
            }
            p = next;
            if (tag >= 64 && tag < 128 || tag == SAME_LOCALS_1_STACK_ITEM_EXTENDED) {
                p = copyType(in, p, out, shift);
            } else if (tag >= 252 && tag < FULL_FRAME) {
                for (int k = 0; k < tag - SAME_FRAME_EXTENDED; k++) {
                    p = copyType(in, p, out, shift);
                }
            } else if (tag == FULL_FRAME) {
                for (int part = 0; part < 2; part++) {
                    int n = ConstantPool.u2(in, p);
                    out.u2(n);
                    p += 2;
                    for (int k = 0; k < n; k++) {
                        p = copyType(in, p, out, shift);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /** Writes the prologue's frames and the join frame; returns the last offset written, or -1. */
    private static int writePrologue(ClassFilePatch.Output out, Bytecode prologue, int shift, boolean join,
                                     ConstantPool pool) {
        int previous = -1;
        for (Bytecode.Frame f : prologue.frames) {
            previous = full(out, f.offset, previous, prologue.locals, f.stack, pool);
        }
        if (join) {
            previous = full(out, shift, previous, prologue.locals, java.util.Collections.<String>emptyList(), pool);
        }
        return previous;
    }

    private static int full(ClassFilePatch.Output out, int offset, int previous, List<String> locals,
                            List<String> stack, ConstantPool pool) {
        out.write(FULL_FRAME);
        out.u2(previous < 0 ? offset : offset - previous - 1);
        out.u2(locals.size());
        for (String l : locals) {
            type(out, l, pool);
        }
        out.u2(stack.size());
        for (String s : stack) {
            type(out, s, pool);
        }
        return offset;
    }

    /** A verification type from a descriptor: I, F, D, J, or a reference type. */
    private static void type(ClassFilePatch.Output out, String descriptor, ConstantPool pool) {
        switch (descriptor) {
            case "I":
                out.write(1);
                break;
            case "F":
                out.write(2);
                break;
            case "D":
                out.write(3);
                break;
            case "J":
                out.write(4);
                break;
            default:
                out.write(7);
                out.u2(pool.classRef(descriptor.startsWith("L") ? descriptor.substring(1, descriptor.length() - 1) : descriptor));
        }
    }

    /** Copies one verification type, moving an uninitialized value's offset; returns the offset past it. */
    private static int copyType(byte[] in, int p, ClassFilePatch.Output out, int shift) throws IOException {
        int tag = in[p] & 0xff;
        out.write(tag);
        if (tag == 7) {
            out.write(in, p + 1, 2);
            return p + 3;
        }
        if (tag == 8) {
            out.u2(ConstantPool.u2(in, p + 1) + shift);
            return p + 3;
        }
        if (tag > 8) {
            throw new IOException("unknown verification type " + tag);
        }
        return p + 1;
    }
}
