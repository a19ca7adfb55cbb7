package dev.logredact.log4j1;

import java.util.function.UnaryOperator;

/**
 * What Log4j 1's (and reload4j's) patched {@code QuietWriter#write(String)} calls with each text an
 * appender writes: a layout's event, a stack trace line, a header or footer. Every {@code WriterAppender}
 * (console, file, rolling, daily rolling) and the syslog appender write only through a
 * {@code QuietWriter}. Called by reflection through the system class loader, so it takes and returns
 * {@code Object}.
 */
public final class Log4j1Hooks {
    /** Written instead of a text that could not be masked: the log shows a gap, never the secret. */
    static final String WITHHELD = "[logredact: log output withheld: it could not be masked]";

    private static volatile UnaryOperator<String> masker;

    private Log4j1Hooks() {
    }

    /** Set before the writers are patched, so the hook never runs without a masker. */
    public static void install(UnaryOperator<String> textMasker) {
        masker = textMasker;
    }

    /** The text masked; never throws, and never returns it unmasked when masking fails. */
    public static Object write(Object text) {
        if (!(text instanceof String) || ((String) text).isEmpty()) {
            return text;
        }
        String s = (String) text;
        try {
            UnaryOperator<String> m = masker;
            String masked = m == null ? null : m.apply(s);
            if (masked != null) {
                return masked;
            }
        } catch (Throwable t) {
            // Withheld below.
        }
        return s.endsWith("\n") ? WITHHELD + System.lineSeparator() : WITHHELD;
    }
}
