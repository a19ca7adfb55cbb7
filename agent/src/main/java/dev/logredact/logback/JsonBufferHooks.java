package dev.logredact.logback;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * What logstash-logback-encoder's patched {@code ReusableByteBuffer#writeTo} calls with the buffer, before
 * its bytes go out: its TCP appenders ({@code LogstashTcpSocketAppender}) have their streaming encoder
 * write each event into such a buffer and copy it to the socket themselves, past the
 * {@code OutputStreamAppender} hook. The buffer's bytes are masked and written back in its place, by
 * reflection on its public methods (no class of the agent names a logstash type). Masking is idempotent,
 * so bytes that reach an {@code OutputStreamAppender} as well are not counted twice.
 */
public final class JsonBufferHooks {
    /** One JSON line in place of an event that could not be masked: the receiver still reads JSON lines. */
    static final String WITHHELD = "{\"logredact\":\"log event withheld: it could not be masked\"}\n";

    /** A buffer class's toByteArray(), reset() and write(byte[], int, int), found once. */
    private static final ClassValue<Method[]> METHODS = new ClassValue<Method[]>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            try {
                return new Method[] {type.getMethod("toByteArray"), type.getMethod("reset"),
                        type.getMethod("write", byte[].class, int.class, int.class)};
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    private static volatile LogbackHooks.BytesMasker masker;

    private JsonBufferHooks() {
    }

    /** Set before the buffer class is patched, so the hook never runs without a masker. */
    public static void install(LogbackHooks.BytesMasker bytesMasker) {
        masker = bytesMasker;
    }

    /**
     * Replaces the buffer's bytes by their masked form, or by a withheld line when masking fails; the
     * buffer is left alone when nothing in it is secret. Never throws; returns the buffer.
     */
    public static Object maskBuffer(Object buffer) {
        if (buffer == null) {
            return null;
        }
        Method[] methods = METHODS.get(buffer.getClass());
        if (methods == null) {
            return buffer;
        }
        try {
            byte[] raw = (byte[]) methods[0].invoke(buffer);
            if (raw.length == 0) {
                return buffer;
            }
            byte[] masked = masked(raw);
            if (masked != raw) {
                methods[1].invoke(buffer);
                methods[2].invoke(buffer, masked, 0, masked.length);
            }
        } catch (Throwable t) {
            try {
                methods[1].invoke(buffer);
                byte[] withheld = WITHHELD.getBytes(StandardCharsets.UTF_8);
                methods[2].invoke(buffer, withheld, 0, withheld.length);
            } catch (Throwable ignored) {
                // Nothing more can be done without throwing into the appender.
            }
        }
        return buffer;
    }

    private static byte[] masked(byte[] raw) throws Exception {
        LogbackHooks.BytesMasker m = masker;
        if (m == null) {
            throw new IllegalStateException("no masker");
        }
        byte[] masked = m.mask(raw);
        if (masked == null) {
            throw new IllegalStateException("no masked bytes");
        }
        return masked;
    }
}
