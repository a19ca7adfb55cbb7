package dev.logredact.attach;

import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Recognises a Maven Surefire or Failsafe fork, and masks what the fork sends Maven besides its
 * standard streams: system properties, and the texts of test events (see {@link SurefireEntries}).
 *
 * <p>There the stdout present at start-up is a binary, length-prefixed event channel to Maven: masking
 * it would corrupt frames. The streams Surefire installs with {@code System.setOut} carry the tests'
 * output and are masked instead. But when a test class ends, the fork also sends every system
 * property, one {@code sys-prop} event each, and Maven's JVM writes them into the
 * {@code <properties>} of {@code TEST-*.xml}: a {@code -Ddb.password=...} in {@code argLine} or
 * {@code systemPropertyVariables} would be there in clear. So the encoder's
 * {@code encodeSystemProperties(Map, RunMode, Long)} (Surefire 3) is patched to receive a masked copy:
 * values, not the frames' bytes, so every length field stays right.
 */
public final class SurefireFork {
    private static final String BOOTER = "org.apache.maven.surefire.booter.ForkedBooter";
    static final String ENCODER = "org/apache/maven/surefire/booter/spi/EventChannelEncoder";
    static final String ENCODE_PROPERTIES = "encodeSystemProperties";
    static final String ENCODE_PROPERTIES_DESCRIPTOR =
            "(Ljava/util/Map;Lorg/apache/maven/surefire/api/report/RunMode;Ljava/lang/Long;)V";
    /** Builds every test and test-set event from a report entry. */
    static final String ENCODE_ENTRY = "encode";
    static final String ENCODE_ENTRY_DESCRIPTOR = "(Lorg/apache/maven/surefire/api/booter/ForkedProcessEventType;"
            + "Lorg/apache/maven/surefire/api/report/ReportEntry;Z)Ljava/nio/ByteBuffer;";
    /** Builds the console-error and JVM-exit-error events from a stack trace writer. */
    static final String ENCODE_ERROR = "error";
    static final String ENCODE_ERROR_DESCRIPTOR = "(Lorg/apache/maven/surefire/api/report/StackTraceWriter;Z"
            + "Lorg/apache/maven/surefire/api/booter/ForkedProcessEventType;Z)V";

    private static volatile UnaryOperator<String> masker;

    private SurefireFork() {
    }

    static boolean isThisJvm() {
        return isCommand(System.getProperty("sun.java.command", ""));
    }

    /**
     * Surefire starts a fork either with the booter's class name or, by default, with a manifest-only
     * jar named {@code surefirebooter<digits>.jar} whose Main-Class is the booter.
     */
    static boolean isCommand(String command) {
        String first = command.split(" ", 2)[0];
        String file = first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1);
        return first.equals(BOOTER) || (file.startsWith("surefirebooter") && file.endsWith(".jar"));
    }

    /**
     * Patches the event encoder when the booter loads it. Not a retransformation: in a fork the agent's
     * {@code premain} runs before the booter loads any Surefire class.
     */
    static void maskEvents(Instrumentation instrumentation, UnaryOperator<String> textMasker) {
        masker = textMasker;
        instrumentation.addTransformer(new EntryHookPatch(ENCODER, SurefireFork.class.getName(), Arrays.asList(
                EntryHookPatch.Target.replacingArgument(ENCODE_PROPERTIES, ENCODE_PROPERTIES_DESCRIPTOR, "systemProperties", 0),
                EntryHookPatch.Target.replacingArgument(ENCODE_ENTRY, ENCODE_ENTRY_DESCRIPTOR, "reportEntry", 1),
                EntryHookPatch.Target.replacingArgument(ENCODE_ERROR, ENCODE_ERROR_DESCRIPTOR, "reportEntry", 0))), false);
    }

    /** What the patched encoder calls; any failure sends the properties as they were. */
    public static Object systemProperties(Object properties) {
        UnaryOperator<String> m = masker;
        if (m == null || !(properties instanceof Map)) {
            return properties;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> map = (Map<String, String>) properties;
            return mask(map, m);
        } catch (RuntimeException e) {
            return properties;
        }
    }

    /**
     * What the patched encoder calls with a report entry or stack trace writer: a view of it whose texts
     * (names, message, stack traces) are masked. Any failure sends it as it was.
     */
    public static Object reportEntry(Object entry) {
        UnaryOperator<String> m = masker;
        if (m == null || entry == null) {
            return entry;
        }
        try {
            return SurefireEntries.masked(entry, m);
        } catch (RuntimeException e) {
            return entry;
        }
    }

    /** The properties with their values masked; the same map when nothing in it is secret. */
    static Map<String, String> mask(Map<String, String> properties, UnaryOperator<String> masker) {
        Map<String, String> masked = null;
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String value = e.getValue();
            String maskedValue = maskValue(e.getKey(), value, masker);
            if (maskedValue != value) {
                if (masked == null) {
                    masked = new LinkedHashMap<>(properties);
                }
                masked.put(e.getKey(), maskedValue);
            }
        }
        return masked == null ? properties : masked;
    }

    /**
     * Masks the value as the line {@code key=value}, so rules that need the name see it: an unknown
     * password is a secret because the property is called {@code db.password}.
     */
    static String maskValue(String key, String value, UnaryOperator<String> masker) {
        if (key == null || value == null || value.isEmpty()) {
            return value;
        }
        String prefix = key + "=";
        String line = prefix + value;
        String masked = masker.apply(line);
        if (masked.equals(line)) {
            return value;
        }
        if (masked.startsWith(prefix)) {
            return masked.substring(prefix.length());
        }
        // A mask reached into the name, which stays as it is: the value alone then.
        String alone = masker.apply(value);
        return alone.equals(value) ? value : alone;
    }
}
