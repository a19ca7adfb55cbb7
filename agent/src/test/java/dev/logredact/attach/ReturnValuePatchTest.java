package dev.logredact.attach;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

public class ReturnValuePatchTest {
    private static final String DESCRIPTOR = "(Ljava/lang/String;J)Ljava/lang/String;";

    /** Stands for a JDK formatter: several returns, one inside a try block of its own, and a two-slot local. */
    public static class Formatter {
        public String format(String record, long level) {
            double weight = level * 1.5;
            if (record == null) {
                return "none";
            }
            try {
                if (record.isEmpty()) {
                    return "empty " + weight;
                }
                return "record " + record;
            } catch (RuntimeException e) {
                return "caught by the formatter";
            }
        }
    }

    /** Called by the patched class through the system class loader, like the agent's hooks. */
    public static class Hooks {
        public static Object mask(Object text) {
            return "<" + text + ">";
        }

        public static Object fails(Object text) {
            throw new IllegalStateException("broken agent");
        }

        static final java.util.concurrent.atomic.AtomicInteger WRONG_TYPE_CALLS = new java.util.concurrent.atomic.AtomicInteger();

        public static Object wrongType(Object text) {
            WRONG_TYPE_CALLS.incrementAndGet();
            return 42;
        }
    }

    @Test
    void everyReturnPassesThroughTheHook() throws Exception {
        Object f = patched("mask");
        assertEquals("<none>", format(f, null));
        assertEquals("<empty 3.0>", format(f, ""));
        assertEquals("<record ghp_fake>", format(f, "ghp_fake"));
    }

    @Test
    void aHookThatCannotBeCalledReturnsTheFallbackNotTheValue() throws Exception {
        for (String hook : new String[] {"fails", "wrongType", "noSuchHook"}) {
            Object f = patched(hook);
            // The method's own catch must not see the failure: the fallback comes from the patch.
            assertEquals("withheld", format(f, "ghp_fake"), hook);
            assertEquals("withheld", format(f, null), hook);
        }
    }

    @Test
    void aFailedCastInsideTheMethodsTryBlockIsNotCaughtByTheMethod() throws Exception {
        String name = "dev/logredact/attach/GeneratedFormatter";
        ReturnValuePatch patch = new ReturnValuePatch(name, Hooks.class.getName(), Collections.singletonList(
                new ReturnValuePatch.Target("format", "(Ljava/lang/String;)Ljava/lang/String;", "wrongType", "withheld")));
        byte[] bytes = patch.transform(null, name, null, null, returnInsideTry(name));
        assertNotNull(bytes);
        Class<?> type = new ClassLoader(ReturnValuePatchTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(name.replace('/', '.'), bytes, 0, bytes.length);
            }
        }.define();
        Hooks.WRONG_TYPE_CALLS.set(0);
        Object f = type.getConstructor().newInstance();
        assertEquals("withheld", type.getMethod("format", String.class).invoke(f, "ghp_fake"));
        // Caught by the method, the ClassCastException would have run its handler's return, and the hook, again.
        assertEquals(1, Hooks.WRONG_TYPE_CALLS.get());
    }

    /**
     * {@code try { return text; } catch (RuntimeException e) { return "caught"; }} with the return inside
     * the try range, which javac never emits (its ranges end before the return) but other compilers may.
     */
    private static byte[] returnInsideTry(String name) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "format", "(Ljava/lang/String;)Ljava/lang/String;", null, null);
        mv.visitCode();
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        mv.visitTryCatchBlock(start, end, handler, "java/lang/RuntimeException");
        mv.visitLabel(start);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitLabel(end);
        mv.visitLabel(handler);
        mv.visitVarInsn(Opcodes.ASTORE, 2);
        mv.visitLdcInsn("caught");
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void aStringFallbackIsForMethodsReturningAString() {
        assertThrows(IllegalArgumentException.class, () -> new ReturnValuePatch.Target("m", "()Ljava/lang/Object;", "mask", "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new ReturnValuePatch.Target("m", "()Ljava/lang/String;", "mask", null));
        assertThrows(IllegalArgumentException.class, () -> ReturnValuePatch.Target.keepingValueOnFailure("m", "()I", "mask"));
    }

    /** Stands for slf4j-simple's OutputChoice: returns a stream the hook may replace. */
    public static class Choice {
        public final Object target = new StringBuilder("own");

        public CharSequence target(long slot, String name) {
            double weight = slot * 2.5;
            return name == null ? (CharSequence) target : name + weight;
        }
    }

    public static class StreamHooks {
        public static Object replace(Object stream) {
            return new StringBuilder("replaced ").append(stream);
        }

        public static Object fails(Object stream) {
            throw new IllegalStateException("broken agent");
        }
    }

    @Test
    void anObjectIsReplacedByTheHookOrElseKept() throws Exception {
        String descriptor = "(JLjava/lang/String;)Ljava/lang/CharSequence;";
        for (String hook : new String[] {"replace", "fails", "wrongType"}) {
            Object choice = PatchedClasses.instance(Choice.class, new ReturnValuePatch(Choice.class.getName().replace('.', '/'),
                    ("wrongType".equals(hook) ? Hooks.class : StreamHooks.class).getName(),
                    Collections.singletonList(ReturnValuePatch.Target.keepingValueOnFailure("target", descriptor, hook))));
            Object own = choice.getClass().getField("target").get(choice);
            Object returned = choice.getClass().getMethod("target", long.class, String.class).invoke(choice, 2L, null);
            if (hook.equals("replace")) {
                assertEquals("replaced own", returned.toString());
            } else {
                assertSame(own, returned, hook);
            }
        }
    }

    /** An object that holds text (an event to serialise) is never returned unmasked by a broken agent. */
    @Test
    void anObjectHoldingTextIsReplacedByTheHookOrElseNull() throws Exception {
        String descriptor = "(JLjava/lang/String;)Ljava/lang/CharSequence;";
        for (String hook : new String[] {"replace", "fails", "wrongType", "noSuchHook"}) {
            Object choice = PatchedClasses.instance(Choice.class, new ReturnValuePatch(Choice.class.getName().replace('.', '/'),
                    ("wrongType".equals(hook) ? Hooks.class : StreamHooks.class).getName(),
                    Collections.singletonList(ReturnValuePatch.Target.nullOnFailure("target", descriptor, hook))));
            Object returned = choice.getClass().getMethod("target", long.class, String.class).invoke(choice, 2L, null);
            if (hook.equals("replace")) {
                assertEquals("replaced own", returned.toString());
            } else {
                assertNull(returned, hook);
            }
        }
    }

    private static final Class<?>[] JDK_FORMATTERS = {java.util.logging.SimpleFormatter.class, java.util.logging.XMLFormatter.class};

    @Test
    void theJdkFormattersArePatched() throws Exception {
        for (Class<?> type : JDK_FORMATTERS) {
            assertNotNull(formatterPatch(type).transform(null, internalName(type), type, null, PatchedClasses.classFile(type)),
                    type.getName());
        }
    }

    /**
     * JDK 17 hands JUL's formatters, loaded before the agent and never verified, to the retransformation
     * without stack map frames: the patched format() must still declare the stack its hook call needs.
     */
    @Test
    void aJdkFormatterWithoutFramesDeclaresTheStackOfItsHookCall() throws Exception {
        for (Class<?> type : JDK_FORMATTERS) {
            byte[] frameless = PatchedClasses.withoutFrames(PatchedClasses.classFile(type));
            for (Class<?> redefined : new Class<?>[] {type, null}) {
                PatchedClasses.assertMaxStackHolds(formatterPatch(type).transform(null, internalName(type), redefined, null, frameless));
            }
        }
    }

    private static ReturnValuePatch formatterPatch(Class<?> type) {
        return new ReturnValuePatch(internalName(type), Hooks.class.getName(), Collections.singletonList(
                new ReturnValuePatch.Target("format", "(Ljava/util/logging/LogRecord;)Ljava/lang/String;", "mask", "x")));
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static String format(Object formatter, String record) throws Exception {
        return (String) formatter.getClass().getMethod("format", String.class, long.class).invoke(formatter, record, 2L);
    }

    /** A new instance of {@link Formatter} patched to call {@code hook}, defined in a loader of its own. */
    private static Object patched(String hook) throws Exception {
        return PatchedClasses.instance(Formatter.class, new ReturnValuePatch(Formatter.class.getName().replace('.', '/'),
                Hooks.class.getName(), Collections.singletonList(new ReturnValuePatch.Target("format", DESCRIPTOR, hook, "withheld"))));
    }

}
