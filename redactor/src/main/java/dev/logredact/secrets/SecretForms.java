package dev.logredact.secrets;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every text that shows a secret in a log: the value, its lines, and the value as encoders print it.
 * A secret printed in a form nobody registered leaks (base64 in GitHub, everything but the literal in
 * GitLab), so all forms are registered up front and tagged with their variant for events.
 */
public final class SecretForms {
    private SecretForms() {
    }

    /**
     * @param minLength forms shorter than this many characters are dropped, the plain value included:
     *     a short form masks unrelated text (a 1-character secret's base64 forms masked every
     *     {@code e} in actions/runner #326). Forms that {@link SecretRefusal} would refuse are dropped too.
     * @return distinct texts, each under the first variant that produced it, the plain value first
     */
    public static List<SecretForm> of(KnownSecret secret, int minLength) {
        Map<String, String> variants = new LinkedHashMap<>();
        String value = secret.value();
        add(variants, SecretForm.PLAIN, Collections.singleton(value));

        Set<String> shapes = new LinkedHashSet<>();
        shapes.add(value);
        if (SecretText.isMultiline(value)) {
            String joined = SecretText.joinedLines(value);
            add(variants, SecretForm.MULTILINE, Collections.singleton(joined));
            add(variants, SecretForm.LINE, lines(value));
            // A value saved with CRLF or indented lines is often printed normalised, then encoded.
            shapes.add(joined);
        }
        add(variants, SecretForm.UNQUOTED, unquoted(value));
        for (String shape : shapes) {
            add(variants, SecretForm.BASE64, Base64Forms.of(shape, Base64.getEncoder()));
            add(variants, SecretForm.BASE64URL, Base64Forms.of(shape, Base64.getUrlEncoder()));
            add(variants, SecretForm.URL, UrlForms.of(shape));
            add(variants, SecretForm.JSON, JsonForms.of(shape));
            add(variants, SecretForm.XML, XmlForms.of(shape));
            add(variants, SecretForm.SHELL, ShellForms.of(shape));
        }

        List<SecretForm> forms = new ArrayList<>(variants.size());
        for (Map.Entry<String, String> e : variants.entrySet()) {
            if (SecretRefusal.reason(e.getKey(), minLength) == null) {
                forms.add(new SecretForm(e.getKey(), e.getValue(), secret));
            }
        }
        return forms;
    }

    private static void add(Map<String, String> variants, String variant, Collection<String> texts) {
        for (String text : texts) {
            if (!text.isEmpty() && !variants.containsKey(text)) {
                variants.put(text, variant);
            }
        }
    }

    /**
     * Lines of a multi-line value, for output that prints them apart. PEM armour lines such as
     * {@code -----BEGIN OPENSSH PRIVATE KEY-----} are the same in every key: masking them would mask other
     * keys' headers, attribute them to this secret, and hide the header the private-key rule looks for.
     */
    private static List<String> lines(String value) {
        List<String> lines = new ArrayList<>();
        for (String line : SecretText.lines(value)) {
            boolean armour = line.endsWith("-----") && (line.startsWith("-----BEGIN ") || line.startsWith("-----END "));
            if (!armour) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** A value stored with its quotes (a common slip in CI settings) is printed by programs without them. */
    private static Collection<String> unquoted(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
                return Collections.singleton(SecretText.trim(value.substring(1, value.length() - 1)));
            }
        }
        return Collections.emptySet();
    }
}
