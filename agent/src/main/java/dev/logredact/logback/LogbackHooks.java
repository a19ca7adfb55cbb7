package dev.logredact.logback;

import java.nio.charset.StandardCharsets;

/**
 * What Logback's patched {@code OutputStreamAppender} calls with the bytes an encoder made, before they
 * reach the console, a file or a rolling file. Called by reflection through the system class loader,
 * so it takes and returns {@code Object}.
 */
public final class LogbackHooks {
    /** Masks the bytes of one or more complete log events; may wait for the engine, boundedly. */
    public interface BytesMasker {
        byte[] mask(byte[] bytes) throws Exception;
    }

    /**
     * Written instead of an event that could not be masked: a log file must show that something was
     * dropped, and never the secret that may have been in it.
     */
    static final String WITHHELD = "[logredact: log output withheld: it could not be masked]\n";

    private static volatile BytesMasker masker;

    private LogbackHooks() {
    }

    /** Set before the appender is patched, so the hook never runs without a masker. */
    public static void install(BytesMasker bytesMasker) {
        masker = bytesMasker;
    }

    /**
     * What the patched appender writes: {@code bytes} as they are when the appender writes to a
     * standard stream the agent masks anyway ({@link MaskedConsole}), else {@link #maskBytes(Object)}.
     * Never throws.
     */
    public static Object maskBytes(Object appender, Object bytes) {
        try {
            if (appender != null && MaskedConsole.passesMaskedStream(appender)) {
                return bytes;
            }
        } catch (Throwable t) {
            // Not proven to pass the console's masking, so masked here.
        }
        return maskBytes(bytes);
    }

    /** The bytes masked; the same array when nothing in them is secret. Never throws. */
    public static Object maskBytes(Object bytes) {
        if (!(bytes instanceof byte[])) {
            return bytes;
        }
        byte[] raw = (byte[]) bytes;
        if (raw.length == 0) {
            return raw;
        }
        try {
            BytesMasker m = masker;
            if (m == null) {
                return withheld();
            }
            byte[] masked = m.mask(raw);
            return masked == null ? withheld() : masked;
        } catch (Throwable t) {
            return withheld();
        }
    }

    private static byte[] withheld() {
        return WITHHELD.getBytes(StandardCharsets.UTF_8);
    }
}
