package dev.logredact.secrets;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * XML and HTML escapes. {@code &} and {@code <} are always escaped; libraries differ on quotes and
 * {@code >}, so every combination is produced and the caller drops duplicates: {@code &apos;} (XML 1.0,
 * .NET), {@code &#39;} (Go, Spring, Ruby, OWASP), {@code &#039;} (PHP), {@code &#x27;} (Python
 * html.escape), or left alone (text content); {@code &quot;}, {@code &#34;} (Go) or left alone; and
 * {@code >} left alone by Woodstox and other writers of text content.
 */
final class XmlForms {
    static final String[] APOSTROPHE = {"'", "&apos;", "&#39;", "&#039;", "&#x27;"};
    static final String[] QUOTE = {"\"", "&quot;", "&#34;"};
    static final String[] GREATER_THAN = {"&gt;", ">"};

    private XmlForms() {
    }

    /** The characters some writer escapes. */
    private static final boolean[] SPECIAL = Specials.ascii("&<>\"'", false);

    static Set<String> of(String value) {
        int[] at = Specials.in(value, SPECIAL, false);
        if (at.length == 0) {
            return Collections.singleton(value);
        }
        Set<String> forms = new LinkedHashSet<>();
        for (String greaterThan : choices(GREATER_THAN, value, '>')) {
            for (String quote : choices(QUOTE, value, '"')) {
                for (String apostrophe : choices(APOSTROPHE, value, '\'')) {
                    forms.add(escape(value, at, apostrophe, quote, greaterThan));
                }
            }
        }
        return forms;
    }

    /**
     * The ways to write {@code c}, or only the first when the value has no {@code c}: the others would
     * give the same text again.
     */
    private static String[] choices(String[] ways, String value, char c) {
        return value.indexOf(c) >= 0 ? ways : new String[] {ways[0]};
    }

    /** {@code value} escaped so; {@code at} lists its special characters ({@link Specials}). */
    private static String escape(String value, int[] at, String apostrophe, String quote, String greaterThan) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        int copied = 0;
        for (int i : at) {
            sb.append(value, copied, i);
            copied = i + 1;
            switch (value.charAt(i)) {
                case '&':
                    sb.append("&amp;");
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append(greaterThan);
                    break;
                case '"':
                    sb.append(quote);
                    break;
                default:
                    sb.append(apostrophe);
            }
        }
        return sb.append(value, copied, value.length()).toString();
    }
}
