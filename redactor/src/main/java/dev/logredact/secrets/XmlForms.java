package dev.logredact.secrets;

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

    static Set<String> of(String value) {
        Set<String> forms = new LinkedHashSet<>();
        for (String greaterThan : choices(GREATER_THAN, value, '>')) {
            for (String quote : choices(QUOTE, value, '"')) {
                for (String apostrophe : choices(APOSTROPHE, value, '\'')) {
                    forms.add(escape(value, apostrophe, quote, greaterThan));
                }
            }
        }
        return forms;
    }

    /**
     * The ways to write {@code c}, or only the first when the value has no {@code c}: the others would
     * give the same text again. A private key, most of what a run learns, then has one form, not 30.
     */
    private static String[] choices(String[] ways, String value, char c) {
        return value.indexOf(c) >= 0 ? ways : new String[] {ways[0]};
    }

    static String escape(String value, String apostrophe, String quote, String greaterThan) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
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
                case '\'':
                    sb.append(apostrophe);
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }
}
