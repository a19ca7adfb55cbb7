package dev.logredact.attach;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Views of Surefire's report entries and stack trace writers whose text comes masked, built with JDK
 * proxies over Surefire's own interfaces, so the agent compiles against no Surefire version.
 *
 * <p>A test that fails with a secret in its assertion message or exception sends that text to Maven as
 * fields of a test-failed event (message, trimmed and full stack trace), not through
 * {@code System.out}; Maven writes them into {@code TEST-*.xml} and the {@code .txt} reports. The fork's
 * encoder builds the event from the entry's getters, so masked getters give an event whose length
 * fields are computed from the masked text.
 */
final class SurefireEntries {
    private static final String SUREFIRE_PACKAGE = "org.apache.maven.surefire.";
    private static final String SAFE_THROWABLE = "org.apache.maven.surefire.api.report.SafeThrowable";

    private SurefireEntries() {
    }

    /** {@code original} seen through its Surefire interfaces with every text masked; itself if it has none. */
    static Object masked(Object original, UnaryOperator<String> masker) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = original.getClass(); c != null; c = c.getSuperclass()) {
            collect(c, interfaces);
        }
        if (interfaces.isEmpty()) {
            return original;
        }
        return Proxy.newProxyInstance(original.getClass().getClassLoader(), interfaces.toArray(new Class<?>[0]),
                new Masking(original, masker));
    }

    private static void collect(Class<?> type, Set<Class<?>> into) {
        for (Class<?> i : type.getInterfaces()) {
            if (i.getName().startsWith(SUREFIRE_PACKAGE) && into.add(i)) {
                collect(i, into);
            }
        }
    }

    private static final class Masking implements InvocationHandler {
        private final Object original;
        private final UnaryOperator<String> masker;

        Masking(Object original, UnaryOperator<String> masker) {
            this.original = original;
            this.masker = masker;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result;
            try {
                result = method.invoke(original, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getDeclaringClass() == Object.class) {
                return result;
            }
            try {
                return mask(result, method.getReturnType());
            } catch (RuntimeException | ReflectiveOperationException e) {
                // Surefire then sends what it would have without the agent; failing its report would be worse.
                return result;
            }
        }

        private Object mask(Object value, Class<?> type) throws ReflectiveOperationException {
            if (value instanceof String) {
                return masker.apply((String) value);
            }
            if (value == null) {
                return null;
            }
            if (type.isInterface() && type.getName().startsWith(SUREFIRE_PACKAGE)) {
                return masked(value, masker);
            }
            if (value.getClass().getName().equals(SAFE_THROWABLE)) {
                // The encoder sends only its message; a SafeThrowable made from a string says the masked one.
                String message = (String) value.getClass().getMethod("getLocalizedMessage").invoke(value);
                String maskedMessage = message == null ? null : masker.apply(message);
                if (maskedMessage == null || maskedMessage.equals(message)) {
                    return value;
                }
                return value.getClass().getConstructor(String.class).newInstance(maskedMessage);
            }
            return value;
        }
    }
}
