package dev.logredact.attach;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Masks what an application writes to standard output or error through a {@code FileOutputStream}
 * opened on {@code FileDescriptor.out} or {@code .err} (Log4j 2's {@code direct="true"} console, code
 * that bypasses {@code System.out}). Each {@code write} of {@code java.io.FileOutputStream} gets, at
 * entry:
 *
 * <pre>
 * if (getClass() == FileOutputStream.class &amp;&amp; (fd == FileDescriptor.out || fd == FileDescriptor.err)) {
 *     try {
 *         if ((Boolean) hook.write(this, …)) return;   // masked and written by the agent
 *     } catch (Throwable ignored) {
 *     }
 * }
 * </pre>
 *
 * Every other file write pays two comparisons. The agent writes masked output through a subclass, so
 * its own writes never come back here; in a Surefire fork, standard output is Maven's event channel and
 * is not hooked.
 */
public final class FileDescriptorWritePatch extends ClassFilePatch {
    private static final String FILE_OUTPUT_STREAM = "java/io/FileOutputStream";
    private static final String FILE_DESCRIPTOR = "java/io/FileDescriptor";

    private final String hookClass;
    private final boolean out;
    private final boolean err;

    public FileDescriptorWritePatch(Class<?> hooks, boolean out, boolean err) {
        super(FILE_OUTPUT_STREAM);
        this.hookClass = hooks.getName();
        this.out = out;
        this.err = err;
    }

    @Override
    List<String> methodNames() {
        return out || err ? Collections.singletonList("write") : Collections.<String>emptyList();
    }

    @Override
    boolean prologue(int access, String name, String descriptor, Bytecode code) {
        if (!name.equals("write") || (access & 0x0008) != 0 || !(out || err)) {
            return false;
        }
        switch (descriptor) {
            case "(I)V":
                guard(code, "writeByte", arguments("I"));
                return true;
            case "([B)V":
                guard(code, "writeAll", arguments("[B"));
                return true;
            case "([BII)V":
                guard(code, "write", arguments("[B", "I", "I"));
                return true;
            default:
                return false;
        }
    }

    /** {@code this} as an Object, then the method's own arguments from slot 1 on. */
    private static List<HookInvocation.Argument> arguments(String... descriptors) {
        List<HookInvocation.Argument> list = new ArrayList<>();
        list.add(new HookInvocation.Argument(HookInvocation.OBJECT, 0));
        int slot = 1;
        for (String d : descriptors) {
            list.add(new HookInvocation.Argument(d, slot));
            slot += HookInvocation.size(d);
        }
        return list;
    }

    private void guard(Bytecode code, String hookMethod, List<HookInvocation.Argument> arguments) {
        Bytecode.Label call = new Bytecode.Label();
        Bytecode.Label start = new Bytecode.Label();
        Bytecode.Label end = new Bytecode.Label();
        Bytecode.Label handler = new Bytecode.Label();
        Bytecode.Label skip = new Bytecode.Label();
        code.varInsn(HookInvocation.ALOAD, 0);
        code.methodInsn(HookInvocation.INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;");
        code.ldcClass(FILE_OUTPUT_STREAM);
        code.jump(Bytecode.IF_ACMPNE, skip);
        if (out) {
            compareDescriptor(code, "out");
            code.jump(err ? Bytecode.IF_ACMPEQ : Bytecode.IF_ACMPNE, err ? call : skip);
        }
        if (err) {
            compareDescriptor(code, "err");
            code.jump(Bytecode.IF_ACMPNE, skip);
        }
        code.mark(call);
        code.frame();
        code.tryCatch(start, end, handler, "java/lang/Throwable");
        code.mark(start);
        HookInvocation.emit(code, hookClass, hookMethod, arguments);
        code.typeInsn(Bytecode.CHECKCAST, "java/lang/Boolean");
        code.methodInsn(HookInvocation.INVOKEVIRTUAL, "java/lang/Boolean", "booleanValue", "()Z");
        code.jump(Bytecode.IFEQ, end);
        code.insn(Bytecode.RETURN);
        code.mark(end);
        code.frame();
        code.jump(Bytecode.GOTO, skip);
        code.ignoreAndJoin(handler, skip);
    }

    private static void compareDescriptor(Bytecode code, String which) {
        code.varInsn(HookInvocation.ALOAD, 0);
        code.fieldInsn(Bytecode.GETFIELD, FILE_OUTPUT_STREAM, "fd", "L" + FILE_DESCRIPTOR + ";");
        code.fieldInsn(HookInvocation.GETSTATIC, FILE_DESCRIPTOR, which, "L" + FILE_DESCRIPTOR + ";");
    }
}
