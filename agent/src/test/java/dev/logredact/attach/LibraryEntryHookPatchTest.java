package dev.logredact.attach;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class LibraryEntryHookPatchTest {
    /** Stands for Surefire's encoder: an instance method whose second argument is replaced. */
    public static class Encoder {
        public Object seen;

        public void encode(long before, Map<String, String> properties, Object after) {
            seen = properties;
        }
    }

    /** Called by the patched class through the system class loader, like the agent's hooks. */
    public static class Hooks {
        public static Object replace(Object properties) {
            return Collections.singletonMap("hooked", String.valueOf(properties));
        }

        public static Object wrongType(Object properties) {
            return "not a map";
        }
    }

    @Test
    void anArgumentAfterATwoSlotOneIsReplaced() throws Exception {
        Object encoder = patched("replace");
        Map<String, String> properties = Collections.singletonMap("db.password", "x");
        encoder.getClass().getMethod("encode", long.class, Map.class, Object.class).invoke(encoder, 7L, properties, "after");
        assertEquals(Collections.singletonMap("hooked", "{db.password=x}"), encoder.getClass().getField("seen").get(encoder));
    }

    @Test
    void aHookResultOfTheWrongTypeLeavesTheArgument() throws Exception {
        Object encoder = patched("wrongType");
        Map<String, String> properties = Collections.singletonMap("a", "b");
        encoder.getClass().getMethod("encode", long.class, Map.class, Object.class).invoke(encoder, 7L, properties, null);
        assertSame(properties, encoder.getClass().getField("seen").get(encoder));
    }

    @Test
    void onlyReferenceArgumentsCanBeReplaced() {
        assertThrows(IllegalArgumentException.class,
                () -> EntryHookPatch.Target.replacingArgument("encode", "(JLjava/util/Map;Ljava/lang/Object;)V", "replace", 0));
        assertThrows(IllegalArgumentException.class,
                () -> EntryHookPatch.Target.replacingArgument("encode", "(JLjava/util/Map;Ljava/lang/Object;)V", "replace", 3));
    }

    /** The JDK patches write their own handler, which keeps the argument. */
    @Test
    void aJdkClassPatchTakesNoTargetThatNullsItsArgument() {
        assertThrows(IllegalArgumentException.class, () -> new EntryHookPatch("a/B", Hooks.class.getName(), Collections.singletonList(
                EntryHookPatch.Target.replacingArgumentOrNull("encode", "(JLjava/util/Map;Ljava/lang/Object;)V", "replace", 1))));
    }

    @Test
    void aClassPatchedAsItLoadsFindsTheHookOnceAndKeepsIt() throws Exception {
        Object encoder = patched("replace");
        Field cache = hookCache(encoder.getClass());
        assertNotNull(cache, "no cached hook field");
        assertTrue(Modifier.isPrivate(cache.getModifiers()) && Modifier.isStatic(cache.getModifiers()) && cache.isSynthetic());
        cache.setAccessible(true);
        assertNull(cache.get(null));
        encode(encoder, Collections.singletonMap("a", "b"));
        Method found = (Method) cache.get(null);
        assertEquals(Hooks.class.getMethod("replace", Object.class), found);
        encode(encoder, Collections.singletonMap("c", "d"));
        assertSame(found, cache.get(null));
        assertEquals(Collections.singletonMap("hooked", "{c=d}"), encoder.getClass().getField("seen").get(encoder));
    }

    @Test
    void aRetransformedClassGainsNoMemberAndIsStillHooked() throws Exception {
        Object encoder = PatchedClasses.instance(Encoder.class, patch("replace"), true);
        assertNull(hookCache(encoder.getClass()));
        assertEquals(Encoder.class.getDeclaredMethods().length, encoder.getClass().getDeclaredMethods().length);
        encode(encoder, Collections.singletonMap("a", "b"));
        assertEquals(Collections.singletonMap("hooked", "{a=b}"), encoder.getClass().getField("seen").get(encoder));
    }

    /** A class handed over without stack map frames (not verified when it loaded) still gets the stack of the hook call. */
    @Test
    void aClassWithoutFramesDeclaresTheStackOfItsHookCall() throws Exception {
        byte[] frameless = PatchedClasses.withoutFrames(PatchedClasses.classFile(Encoder.class));
        for (Class<?> redefined : new Class<?>[] {Encoder.class, null}) {
            PatchedClasses.assertMaxStackHolds(patch("replace").transform(null, Encoder.class.getName().replace('.', '/'),
                    redefined, null, frameless));
        }
    }

    @Test
    void aVersionWithoutTheMethodIsLeftAloneWithADebugLine() throws Exception {
        java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
        PatchLog.debugTo(new java.io.PrintStream(lines, true, "UTF-8"));
        try {
            LibraryEntryHookPatch patch = new LibraryEntryHookPatch(Encoder.class.getName().replace('.', '/'), Hooks.class.getName(),
                    Collections.singletonList(EntryHookPatch.Target.replacingArgument("writeBytes", "([B)V", "replace", 0)));
            assertNull(patch.transform(null, Encoder.class.getName().replace('.', '/'), null, null,
                    PatchedClasses.classFile(Encoder.class)));
        } finally {
            PatchLog.debugTo(null);
        }
        assertEquals("logredact: debug: " + Encoder.class.getName()
                + " left unpatched: this version has no method to hook (writeBytes([B)V)\n", lines.toString("UTF-8"));
    }

    private static void encode(Object encoder, Map<String, String> properties) throws Exception {
        encoder.getClass().getMethod("encode", long.class, Map.class, Object.class).invoke(encoder, 7L, properties, null);
    }

    private static Field hookCache(Class<?> type) {
        for (Field f : type.getDeclaredFields()) {
            if (f.getType() == Method.class) {
                return f;
            }
        }
        return null;
    }

    /** A new instance of {@link Encoder} patched to call {@code hook}, defined in a loader of its own. */
    private static Object patched(String hook) throws Exception {
        return PatchedClasses.instance(Encoder.class, patch(hook));
    }

    private static LibraryEntryHookPatch patch(String hook) {
        return new LibraryEntryHookPatch(Encoder.class.getName().replace('.', '/'), Hooks.class.getName(), Collections.singletonList(
                EntryHookPatch.Target.replacingArgument("encode", "(JLjava/util/Map;Ljava/lang/Object;)V", hook, 1)));
    }

}
