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
    private static final String[] APOSTROPHE = {"'", "&apos;", "&#39;", "&#039;", "&#x27;"};
    private static final String[] QUOTE = {"\"", "&quot;", "&#34;"};
    private static final String[] GREATER_THAN = {"&gt;", ">"};

    private XmlForms() {
    }

    static Set<String> of(String value) {
        Set<String> forms = new LinkedHashSet<>();
        for (String greaterThan : GREATER_THAN) {
            for (String quote : QUOTE) {
                for (String apostrophe : APOSTROPHE) {
                    forms.add(escape(value, apostrophe, quote, greaterThan));
                }
            }
        }
        return forms;
    }

    private static String escape(String value, String apostrophe, String quote, String greaterThan) {
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
