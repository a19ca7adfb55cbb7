package dev.logredact.attach;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The class file patcher moves a method's code behind a prologue without breaking it: each patched
 * class is defined in a loader of its own, so the JVM's verifier checks every moved frame, handler and
 * switch, and each method still computes what it did, with its first argument replaced by the hook.
 */
public class ClassFilePatchTest {
    /** Methods whose code has what moving it must keep right. */
    public static class Busy {
        public String switches(String s, int k) {
            String r;
            switch (k) {
                case 0: r = "a"; break;
                case 1: r = "b"; break;
                case 2: r = "c"; break;
                case 3: r = "d"; break;
                default: r = "z";
            }
            switch (k * 1000) {
                case 0: r += "0"; break;
                case 1000: r += "1"; break;
                case 100000: r += "x"; break;
                default: r += "-";
            }
            return s + r;
        }

        /** A loop at the very first instruction: the original code has a frame at offset 0. */
        public String loopFirst(String s, int n) {
            do {
                s = s + n;
            } while (--n > 0);
            return s;
        }

        /** A branch between {@code new} and its constructor: frames hold the offset of the {@code new}. */
        public String uninitialized(String s, boolean flag) {
            return new StringBuilder(flag ? s : "no").append('!').toString();
        }

        public String tryCatch(String s, long big, double d) {
            try {
                if (big > 0) {
                    throw new IllegalStateException(s);
                }
                return "none";
            } catch (IllegalStateException e) {
                return e.getMessage() + (long) d;
            } finally {
                s = null;
            }
        }

        /** Straight code: no frames of its own, so the patch adds the table. */
        public String straight(String s) {
            return s + s.length();
        }

        public static String statically(String s, int i) {
            return i > 0 ? s : "";
        }
    }

    /** Called by the patched class through the system class loader, like the agent's hooks. */
    public static class Hooks {
        public static Object upper(Object s) {
            return s instanceof String ? ((String) s).toUpperCase() : s;
        }

        public static Object fails(Object s) {
            throw new IllegalStateException("hook failed");
        }
    }

    @Test
    void everyKindOfMethodStillRunsWithItsArgumentReplaced() throws Exception {
        Object busy = patched("upper");
        assertEquals("INa0", call(busy, "switches", "in", 0));
        assertEquals("INb1", call(busy, "switches", "in", 1));
        assertEquals("INc-", call(busy, "switches", "in", 2));
        assertEquals("INz-", call(busy, "switches", "in", 7));
        assertEquals("X321", call(busy, "loopFirst", "x", 3));
        assertEquals("HI!", call(busy, "uninitialized", "hi", true));
        assertEquals("no!", call(busy, "uninitialized", "hi", false));
        assertEquals("BOOM3", call(busy, "tryCatch", "boom", 1L, 3.5));
        assertEquals("none", call(busy, "tryCatch", "boom", 0L, 3.5));
        assertEquals("AB2", call(busy, "straight", "ab"));
        assertEquals("ST", call(busy, "statically", "st", 1));
    }

    @Test
    void aFailingHookLeavesTheArgument() throws Exception {
        Object busy = patched("fails");
        assertEquals("inb1", call(busy, "switches", "in", 1));
        assertEquals("x321", call(busy, "loopFirst", "x", 3));
        assertEquals("hi!", call(busy, "uninitialized", "hi", true));
        assertEquals("st", call(busy, "statically", "st", 1));
    }

    @Test
    void aClassWithoutTheMethodsIsLeftAlone() throws Exception {
        EntryHookPatch patch = new EntryHookPatch(Busy.class.getName().replace('.', '/'), Hooks.class.getName(),
                Collections.singletonList(new EntryHookPatch.Target("absent", "()V", "upper", false)));
        assertNull(patch.patch(PatchedClasses.classFile(Busy.class)));
    }

    @Test
    void theJdkClassesPatchedAtStartUpAreUnderstood() throws Exception {
        byte[] system = PatchedClasses.jdkClassFile("java/lang/System");
        byte[] fileOutput = PatchedClasses.jdkClassFile("java/io/FileOutputStream");
        EntryHookPatch setters = new EntryHookPatch(System.class, Hooks.class, Arrays.asList(
                new EntryHookPatch.Target("setOut", "(Ljava/io/PrintStream;)V", "upper", true),
                new EntryHookPatch.Target("setErr", "(Ljava/io/PrintStream;)V", "upper", true)));
        assertPatched(setters.patch(system), system);
        assertPatched(new FileDescriptorWritePatch(Hooks.class, true, true).patch(fileOutput), fileOutput);
    }

    private static void assertPatched(byte[] patched, byte[] original) {
        if (patched == null || patched.length <= original.length) {
            throw new AssertionError("not patched");
        }
    }

    private static Object patched(String hook) throws Exception {
        String owner = Busy.class.getName().replace('.', '/');
        EntryHookPatch patch = new EntryHookPatch(owner, Hooks.class.getName(), Arrays.asList(
                EntryHookPatch.Target.replacingArgument("switches", "(Ljava/lang/String;I)Ljava/lang/String;", hook, 0),
                EntryHookPatch.Target.replacingArgument("loopFirst", "(Ljava/lang/String;I)Ljava/lang/String;", hook, 0),
                EntryHookPatch.Target.replacingArgument("uninitialized", "(Ljava/lang/String;Z)Ljava/lang/String;", hook, 0),
                EntryHookPatch.Target.replacingArgument("tryCatch", "(Ljava/lang/String;JD)Ljava/lang/String;", hook, 0),
                EntryHookPatch.Target.replacingArgument("straight", "(Ljava/lang/String;)Ljava/lang/String;", hook, 0),
                EntryHookPatch.Target.replacingArgument("statically", "(Ljava/lang/String;I)Ljava/lang/String;", hook, 0)));
        return PatchedClasses.instance(Busy.class, patch);
    }

    private static String call(Object target, String name, Object... arguments) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name)) {
                return (String) m.invoke(target, arguments);
            }
        }
        throw new AssertionError("no method " + name);
    }
}
