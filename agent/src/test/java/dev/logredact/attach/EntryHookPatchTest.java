package dev.logredact.attach;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

public class EntryHookPatchTest {
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

    /** A new instance of {@link Encoder} patched to call {@code hook}, defined in a loader of its own. */
    private static Object patched(String hook) throws Exception {
        return PatchedClasses.instance(Encoder.class, new EntryHookPatch(Encoder.class.getName().replace('.', '/'),
                Hooks.class.getName(), Collections.singletonList(
                        EntryHookPatch.Target.replacingArgument("encode", "(JLjava/util/Map;Ljava/lang/Object;)V", hook, 1))));
    }

}
