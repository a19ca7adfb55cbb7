package dev.logredact.attach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the few instructions a patch puts before a method's own code: forward jumps to labels, stack
 * map frames (always full, with the method's entry locals) and one exception handler at most per range.
 */
final class Bytecode implements HookInvocation.Emitter {
    static final int NOP = 0x00;
    static final int POP = 0x57;
    static final int IFEQ = 0x99;
    static final int IF_ACMPEQ = 0xa5;
    static final int IF_ACMPNE = 0xa6;
    static final int GOTO = 0xa7;
    static final int RETURN = 0xb1;
    static final int GETFIELD = 0xb4;
    static final int ASTORE = 0x3a;
    static final int CHECKCAST = 0xc0;

    /** A position in the code, known once marked; jumps to it are filled in by {@link #code}. */
    static final class Label {
        int position = -1;
        final List<Integer> jumps = new ArrayList<>();
    }

    /** A full frame: where, and what is on the stack there; the locals are always the entry locals. */
    static final class Frame {
        final int offset;
        final List<String> stack;

        Frame(int offset, List<String> stack) {
            this.offset = offset;
            this.stack = stack;
        }
    }

    /** An exception table entry, as labels. */
    static final class Handler {
        final Label start;
        final Label end;
        final Label handler;
        final String type;

        Handler(Label start, Label end, Label handler, String type) {
            this.start = start;
            this.end = end;
            this.handler = handler;
            this.type = type;
        }
    }

    final ConstantPool pool;
    final List<String> locals;
    final List<Frame> frames = new ArrayList<>();
    final List<Handler> handlers = new ArrayList<>();
    private byte[] code = new byte[256];
    private int length;

    Bytecode(ConstantPool pool, List<String> locals) {
        this.pool = pool;
        this.locals = locals;
    }

    int length() {
        return length;
    }

    /** The code with every jump filled in. */
    byte[] code() {
        for (Handler h : handlers) {
            check(h.start);
            check(h.end);
            check(h.handler);
        }
        return Arrays.copyOf(code, length);
    }

    void mark(Label label) {
        label.position = length;
        for (int at : label.jumps) {
            int offset = length - at;
            code[at + 1] = (byte) (offset >> 8);
            code[at + 2] = (byte) offset;
        }
    }

    /** A jump forward, to a label marked later. */
    void jump(int opcode, Label label) {
        if (label.position >= 0) {
            throw new IllegalStateException("only forward jumps");
        }
        label.jumps.add(length);
        u1(opcode);
        u2(0);
    }

    /** A full frame here: the entry locals and {@code stack}. */
    void frame(String... stack) {
        if (!frames.isEmpty() && frames.get(frames.size() - 1).offset == length) {
            throw new IllegalStateException("two frames at " + length);
        }
        frames.add(new Frame(length, Arrays.asList(stack)));
    }

    void tryCatch(Label start, Label end, Label handler, String type) {
        handlers.add(new Handler(start, end, handler, type));
    }

    /**
     * Ends a prologue: {@code handler} drops the Throwable it caught and falls into the method's own
     * code, which starts at {@code join}.
     */
    void ignoreAndJoin(Label handler, Label join) {
        mark(handler);
        frame("Ljava/lang/Throwable;");
        insn(POP);
        align();
        mark(join);
    }

    /** No-ops up to a multiple of 4, so the original code keeps its switch instructions' alignment. */
    void align() {
        while (length % 4 != 0) {
            u1(NOP);
        }
    }

    @Override
    public void insn(int opcode) {
        u1(opcode);
    }

    @Override
    public void intInsn(int opcode, int operand) {
        u1(opcode);
        u1(operand);
    }

    @Override
    public void varInsn(int opcode, int slot) {
        if (slot > 255) {
            throw new IllegalArgumentException("slot " + slot);
        }
        u1(opcode);
        u1(slot);
    }

    @Override
    public void typeInsn(int opcode, String internalName) {
        u1(opcode);
        u2(pool.classRef(internalName));
    }

    @Override
    public void fieldInsn(int opcode, String owner, String name, String descriptor) {
        u1(opcode);
        u2(pool.fieldRef(owner, name, descriptor));
    }

    @Override
    public void methodInsn(int opcode, String owner, String name, String descriptor) {
        u1(opcode);
        u2(pool.methodRef(owner, name, descriptor));
    }

    @Override
    public void ldcString(String value) {
        u1(0x13); // ldc_w
        u2(pool.string(value));
    }

    @Override
    public void ldcClass(String internalName) {
        u1(0x13); // ldc_w
        u2(pool.classRef(internalName));
    }

    private static void check(Label label) {
        if (label.position < 0) {
            throw new IllegalStateException("a label was never marked");
        }
    }

    private void u1(int b) {
        if (length == code.length) {
            code = Arrays.copyOf(code, code.length * 2);
        }
        code[length++] = (byte) b;
    }

    private void u2(int v) {
        u1(v >> 8);
        u1(v);
    }
}
