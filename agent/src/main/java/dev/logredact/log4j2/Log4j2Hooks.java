package dev.logredact.log4j2;

import java.util.function.UnaryOperator;

/**
 * What Log4j 2's patched encoders and layouts call with the text of a log event, before its bytes
 * reach a console, file or rolling file appender. Called by reflection through the system class
 * loader, so it takes and returns {@code Object}.
 *
 * <p>An event takes one of two disjoint paths: direct encoding ({@code StringBuilderEncoder},
 * {@code LockingStringBuilderEncoder}, JsonTemplateLayout's own encoder) gets the builder, and
 * {@code AbstractStringLayout#getBytes} or {@code JsonTemplateLayout#toSerializable} gets the string
 * otherwise; so each event is masked, and counted, once.
 */
public final class Log4j2Hooks {
    /** Written instead of an event that could not be masked: the log shows a gap, never the secret. */
    static final String WITHHELD = "[logredact: log event withheld: it could not be masked]" + System.lineSeparator();
    /** The same for a JSON layout's event, which must stay a JSON object so the log still parses. */
    public static final String WITHHELD_JSON = "{\"message\":\"[logredact: log event withheld: it could not be masked]\"}"
            + System.lineSeparator();

    private static volatile UnaryOperator<String> masker;

    private Log4j2Hooks() {
    }

    /** Set before the classes are patched, so the hooks never run without a masker. */
    public static void install(UnaryOperator<String> textMasker) {
        masker = textMasker;
    }

    /** Masks a {@code StringBuilder} in place and returns it; never throws. */
    public static Object maskBuilder(Object builder) {
        if (!(builder instanceof StringBuilder)) {
            return builder;
        }
        StringBuilder sb = (StringBuilder) builder;
        try {
            if (sb.length() == 0) {
                return sb;
            }
            String text = sb.toString();
            String masked = mask(text);
            // Untouched unless changed: the builder is Log4j's reused per-thread buffer.
            if (masked != text && !masked.equals(text)) {
                sb.setLength(0);
                sb.append(masked);
            }
        } catch (Throwable t) {
            try {
                String withheld = withheld(sb);
                sb.setLength(0);
                sb.append(withheld);
            } catch (Throwable ignored) {
                // Nothing else can be done with a builder that refuses to be changed.
            }
        }
        return sb;
    }

    /** The string masked; never throws, and never returns it unmasked when masking fails. */
    public static Object maskString(Object text) {
        if (!(text instanceof String)) {
            return text;
        }
        String s = (String) text;
        if (s.isEmpty()) {
            return s;
        }
        try {
            return mask(s);
        } catch (Throwable t) {
            return withheld(s);
        }
    }

    private static String mask(String text) {
        UnaryOperator<String> m = masker;
        if (m == null) {
            return withheld(text);
        }
        String masked = m.apply(text);
        return masked == null ? withheld(text) : masked;
    }

    /** The marker that stands for {@code text}: a JSON object where a JSON layout made the event. */
    private static String withheld(CharSequence text) {
        return text.length() > 0 && text.charAt(0) == '{' ? WITHHELD_JSON : WITHHELD;
    }
}
