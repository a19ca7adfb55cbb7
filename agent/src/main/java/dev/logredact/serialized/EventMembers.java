package dev.logredact.serialized;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * The instance fields and public getters of a logging framework's event classes, by name, found once
 * per class: the hooks that mask serialised events read and write them by reflection, so that no class
 * of the agent names a framework's type. The fields they use belong to the events' serialised form,
 * which receivers of every version read by name, so those names hold across versions.
 */
public final class EventMembers {
    /** Each class's instance fields, its own and inherited (the nearest wins), made accessible. */
    private static final ClassValue<Map<String, Field>> FIELDS = new ClassValue<Map<String, Field>>() {
        @Override
        protected Map<String, Field> computeValue(Class<?> type) {
            Map<String, Field> fields = new HashMap<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !fields.containsKey(f.getName()) && accessible(f)) {
                        fields.put(f.getName(), f);
                    }
                }
            }
            return fields;
        }
    };
    /** Each class's public methods without parameters. */
    private static final ClassValue<Map<String, Method>> GETTERS = new ClassValue<Map<String, Method>>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> getters = new HashMap<>();
            for (Method m : type.getMethods()) {
                if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())) {
                    getters.put(m.getName(), m);
                }
            }
            return getters;
        }
    };

    private EventMembers() {
    }

    /** A field that cannot be made accessible (a framework on the module path) counts as missing. */
    private static boolean accessible(Field f) {
        try {
            f.setAccessible(true);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The value of a field the object must have; a missing one fails the masking. */
    public static Object get(Object target, String field) throws ReflectiveOperationException {
        return field(target.getClass(), field).get(target);
    }

    public static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        field(target.getClass(), field).set(target, value);
    }

    /** Whether the object has the field: one that only some versions have. */
    public static boolean has(Object target, String field) {
        return FIELDS.get(target.getClass()).containsKey(field);
    }

    /** What a public getter of the object returns; a missing one fails the masking. */
    public static Object call(Object target, String getter) throws ReflectiveOperationException {
        Method m = GETTERS.get(target.getClass()).get(getter);
        if (m == null) {
            throw new NoSuchMethodException(target.getClass().getName() + "." + getter + "()");
        }
        return m.invoke(target);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = FIELDS.get(type).get(name);
        if (f == null) {
            throw new NoSuchFieldException(type.getName() + "." + name);
        }
        return f;
    }
}
