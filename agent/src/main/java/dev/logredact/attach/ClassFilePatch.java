package dev.logredact.attach;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A patch that puts a prologue, written with {@link Bytecode}, before the code of some methods of
 * one class, working on the class file directly: every JVM patches {@code java.lang.System} and
 * {@code FileOutputStream} at start-up, and loading a bytecode library for that cost more than all the
 * rest of the agent's premain. The class is left as it was (null) if anything in it is not understood.
 *
 * <p>The original code moves by the prologue's length, a multiple of 4 so that switch padding stays
 * right; the exception table, line and local variable tables and stack map frames (including the code
 * offsets of uninitialized values) move with it. A Code attribute of any other kind makes the patch
 * give up, since its offsets could not be moved.
 */
abstract class ClassFilePatch extends ClassPatch {
    ClassFilePatch(String internalName) {
        super(internalName);
    }

    /**
     * The names of the methods the patch may change. Every other method is passed over without its name
     * being decoded: {@code System} has a hundred, looked at in the interpreter at every JVM's start-up.
     */
    abstract List<String> methodNames();

    /**
     * Writes the prologue of one method into {@code code}, ending where the original code starts (a
     * frame there is added by the patch when the prologue jumps), or returns false to leave the method.
     */
    abstract boolean prologue(int access, String name, String descriptor, Bytecode code);

    /** A class file patch adds no member: a class being loaded and one retransformed are patched alike. */
    @Override
    final byte[] patch(byte[] in, boolean loading) {
        return patch(in);
    }

    /**
     * The patched class file, or null when no method was patched.
     *
     * @throws IllegalArgumentException when the class file holds what the patch cannot move
     */
    final byte[] patch(byte[] in) {
        try {
            return rewrite(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(internalName + ": " + e.getMessage(), e);
        }
    }

    private byte[] rewrite(byte[] in) throws IOException {
        ConstantPool pool = new ConstantPool(in);
        Output rest = new Output();
        int at = pool.end;
        int interfaces = ConstantPool.u2(in, at + 6);
        at = rest.copy(in, at, 8 + 2 * interfaces);
        int fields = ConstantPool.u2(in, at);
        at = rest.copy(in, at, 2);
        for (int i = 0; i < fields; i++) {
            at = rest.copy(in, at, member(in, at) - at);
        }
        int methods = ConstantPool.u2(in, at);
        at = rest.copy(in, at, 2);
        boolean patched = false;
        List<String> names = methodNames();
        for (int i = 0; i < methods; i++) {
            if (!pool.utf8In(ConstantPool.u2(in, at + 2), names)) {
                at = rest.copy(in, at, member(in, at) - at);
                continue;
            }
            int access = ConstantPool.u2(in, at);
            String name = pool.utf8(ConstantPool.u2(in, at + 2));
            String descriptor = pool.utf8(ConstantPool.u2(in, at + 4));
            int attributes = ConstantPool.u2(in, at + 6);
            at = rest.copy(in, at, 8);
            for (int a = 0; a < attributes; a++) {
                int length = u4(in, at + 2);
                Bytecode prologue = null;
                if (pool.utf8(ConstantPool.u2(in, at)).equals("Code")) {
                    Bytecode b = new Bytecode(pool, HookInvocation.frameLocals(internalName, (access & 0x0008) != 0, descriptor));
                    if (prologue(access, name, descriptor, b)) {
                        prologue = b;
                    }
                }
                if (prologue == null) {
                    at = rest.copy(in, at, 6 + length);
                } else {
                    rest.u2(ConstantPool.u2(in, at));
                    byte[] code = code(in, at + 6, length, prologue, pool);
                    rest.u4(code.length);
                    rest.write(code, 0, code.length);
                    at += 6 + length;
                    patched = true;
                }
            }
        }
        if (!patched) {
            return null;
        }
        rest.write(in, at, in.length - at);
        byte[] added = pool.addedEntries();
        Output out = new Output();
        out.write(in, 0, 8);
        out.u2(pool.count());
        out.write(in, 10, pool.end - 10);
        out.write(added, 0, added.length);
        byte[] tail = rest.toByteArray();
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }

    /** The offset past a field or method whose entry starts at {@code at}. */
    private static int member(byte[] in, int at) {
        int attributes = ConstantPool.u2(in, at + 6);
        at += 8;
        for (int a = 0; a < attributes; a++) {
            at += 6 + u4(in, at + 2);
        }
        return at;
    }

    /** The body of a Code attribute (from max_stack on) with the prologue in front of the code. */
    private static byte[] code(byte[] in, int at, int length, Bytecode prologue, ConstantPool pool) throws IOException {
        int maxStack = ConstantPool.u2(in, at);
        int maxLocals = ConstantPool.u2(in, at + 2);
        int codeLength = u4(in, at + 4);
        int codeStart = at + 8;
        prologue.align();
        int shift = prologue.length();
        // Where the original code starts: a frame is needed there when the prologue jumps to it, unless
        // the original code has its own frame at its first instruction.
        boolean needsJoinFrame = !prologue.frames.isEmpty();
        byte[] before = prologue.code();
        int table = codeStart + codeLength;
        int handlers = ConstantPool.u2(in, table);
        int attributesAt = table + 2 + 8 * handlers;
        int attributes = ConstantPool.u2(in, attributesAt);

        Output out = new Output();
        out.u2(Math.max(maxStack, 8));
        out.u2(maxLocals);
        out.u4(shift + codeLength);
        out.write(before, 0, shift);
        out.write(in, codeStart, codeLength);
        out.u2(prologue.handlers.size() + handlers);
        for (Bytecode.Handler h : prologue.handlers) {
            out.u2(h.start.position);
            out.u2(h.end.position);
            out.u2(h.handler.position);
            out.u2(pool.classRef(h.type));
        }
        for (int i = 0; i < handlers; i++) {
            int e = table + 2 + 8 * i;
            out.u2(ConstantPool.u2(in, e) + shift);
            out.u2(ConstantPool.u2(in, e + 2) + shift);
            out.u2(ConstantPool.u2(in, e + 4) + shift);
            out.u2(ConstantPool.u2(in, e + 6));
        }
        boolean hadFrames = false;
        Output attributesOut = new Output();
        int p = attributesAt + 2;
        for (int a = 0; a < attributes; a++) {
            String name = pool.utf8(ConstantPool.u2(in, p));
            int attributeLength = u4(in, p + 2);
            int body = p + 6;
            attributesOut.u2(ConstantPool.u2(in, p));
            switch (name) {
                case "LineNumberTable": {
                    attributesOut.u4(attributeLength);
                    int n = ConstantPool.u2(in, body);
                    attributesOut.u2(n);
                    for (int i = 0; i < n; i++) {
                        attributesOut.u2(ConstantPool.u2(in, body + 2 + 4 * i) + shift);
                        attributesOut.u2(ConstantPool.u2(in, body + 4 + 4 * i));
                    }
                    break;
                }
                case "LocalVariableTable":
                case "LocalVariableTypeTable": {
                    attributesOut.u4(attributeLength);
                    int n = ConstantPool.u2(in, body);
                    attributesOut.u2(n);
                    for (int i = 0; i < n; i++) {
                        int e = body + 2 + 10 * i;
                        int start = ConstantPool.u2(in, e);
                        int span = ConstantPool.u2(in, e + 2);
                        // A variable live from the start (an argument) stays live through the prologue.
                        attributesOut.u2(start == 0 ? 0 : start + shift);
                        attributesOut.u2(start == 0 ? span + shift : span);
                        attributesOut.write(in, e + 4, 6);
                    }
                    break;
                }
                case "StackMapTable": {
                    hadFrames = true;
                    byte[] frames = StackMapFrames.shifted(in, body, prologue, shift, needsJoinFrame, pool);
                    attributesOut.u4(frames.length);
                    attributesOut.write(frames, 0, frames.length);
                    break;
                }
                default:
                    throw new IOException("cannot move the offsets of a " + name + " attribute");
            }
            p = body + attributeLength;
        }
        if (!hadFrames && !prologue.frames.isEmpty()) {
            attributesOut.u2(pool.utf8("StackMapTable"));
            byte[] frames = StackMapFrames.prologueOnly(prologue, shift, needsJoinFrame, pool);
            attributesOut.u4(frames.length);
            attributesOut.write(frames, 0, frames.length);
            attributes++;
        }
        out.u2(attributes);
        byte[] rest = attributesOut.toByteArray();
        out.write(rest, 0, rest.length);
        return out.toByteArray();
    }

    static int u4(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }

    /** A byte array output with the class file's big-endian numbers. */
    static final class Output extends ByteArrayOutputStream {
        int copy(byte[] from, int at, int n) {
            write(from, at, n);
            return at + n;
        }

        void u2(int v) {
            write(v >> 8);
            write(v);
        }

        void u4(int v) {
            u2(v >>> 16);
            u2(v & 0xffff);
        }
    }
}
