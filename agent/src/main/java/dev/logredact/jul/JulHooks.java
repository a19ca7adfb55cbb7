package dev.logredact.jul;

import java.util.function.UnaryOperator;

/**
 * What the patched {@code format(LogRecord)} of {@code java.util.logging.SimpleFormatter} and
 * {@code XMLFormatter} call with the text they return: every JUL handler ({@code FileHandler},
 * {@code StreamHandler}, {@code ConsoleHandler}, {@code SocketHandler}) writes that text as it is, so
 * masking it there keeps secrets out of JUL's files and sockets.
 */
public final class JulHooks {
    static final String WITHHELD = "[logredact: log record withheld after an internal error]";
    /** XMLFormatter's records must stay well-formed XML, so its withheld record is a comment. */
    static final String WITHHELD_XML = "<!-- logredact: log record withheld after an internal error -->";

    private static volatile UnaryOperator<String> masker;

    private JulHooks() {
    }

    public static void install(UnaryOperator<String> textMasker) {
        masker = textMasker;
    }

    /** The text masked; never throws, and never returns the text unmasked when masking fails. */
    public static Object format(Object text) {
        if (!(text instanceof String)) {
            return text;
        }
        String s = (String) text;
        UnaryOperator<String> m = masker;
        if (m == null) {
            return withheld(s);
        }
        try {
            String masked = m.apply(s);
            return masked == null ? withheld(s) : masked;
        } catch (Throwable t) {
            return withheld(s);
        }
    }

    /** What a patched formatter returns instead of a record the agent cannot mask. */
    public static String fallback(boolean xml) {
        return (xml ? WITHHELD_XML : WITHHELD) + System.lineSeparator();
    }

    private static String withheld(String text) {
        return fallback(text.startsWith("<record>"));
    }
}
