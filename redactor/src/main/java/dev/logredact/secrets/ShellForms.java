package dev.logredact.secrets;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How shells and build tools re-quote a value when they echo a command line ({@code bash -x}, make,
 * {@code cmd} with echo on), and how they unquote one that was written with escapes. Each leak here is an
 * upstream bug report: JENKINS-42950 ({@code '\''}), JENKINS-24805 ({@code $$}).
 */
final class ShellForms {
    private static final String CARET_ESCAPED = "^&<>|()";

    private ShellForms() {
    }

    static Set<String> of(String value) {
        if (!holdsAny(value, "'\"$\\`" + CARET_ESCAPED)) {
            return Collections.singleton(value);
        }
        Set<String> forms = new LinkedHashSet<>();
        // Inside single quotes, as bash -x prints a value containing a quote; the surrounding quotes
        // are left out so the form also matches where the tool adds text around the value.
        forms.add(value.replace("'", "'\\''"));
        // dash, ash and BusyBox close the quote and put the quote in double quotes.
        forms.add(value.replace("'", "'\"'\"'"));
        // PowerShell, YAML, SQL and GitHub expressions double a single quote inside single quotes.
        forms.add(value.replace("'", "''"));
        forms.add(doubleQuoted(value));
        // A Windows command-line argument (CommandLineToArgvW), which escapes only the quote.
        forms.add(value.replace("\"", "\\\""));
        // make and docker-compose, where $ starts a variable reference.
        forms.add(value.replace("$", "$$"));
        forms.add(caretEscaped(value));
        // A value that contains escapes and was passed unquoted: the shell consumed them before the
        // program printed the value (Jenkins' bash and batch pattern factories).
        forms.add(unescaped(value, '\\'));
        forms.add(unescaped(value, '^'));
        return forms;
    }

    /** Inside double quotes in sh and bash: the four characters that keep a special meaning there. */
    private static String doubleQuoted(String value) {
        if (!holdsAny(value, "\"\\$`")) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == '$' || c == '`') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** cmd.exe outside quotes, as batch files and tools that generate cmd lines write a value. */
    private static String caretEscaped(String value) {
        if (!holdsAny(value, CARET_ESCAPED)) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (CARET_ESCAPED.indexOf(c) >= 0) {
                sb.append('^');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Each escape character removed and the character after it kept, even when it is the escape itself. */
    private static String unescaped(String value, char escape) {
        if (value.indexOf(escape) < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == escape && i + 1 < value.length()) {
                c = value.charAt(++i);
            } else if (c == escape) {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Most values hold no character an escape applies to: they are their own escaped form, made at no cost. */
    private static boolean holdsAny(String value, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (value.indexOf(chars.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
