package dev.logredact.mask;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * The text that replaces a secret, such as {@code [REDACTED:{rule}]}: {@code {rule}} becomes the rule id
 * (or {@code env:NAME}), {@code {fp}} a short fingerprint. It also recognises masks already in a text,
 * so that a second masking layer never treats a mask as a secret: masking is idempotent whatever the
 * rules are.
 */
public final class MaskTemplate {
    public static final String DEFAULT = "[REDACTED:{rule}]";
    /** Digits of the fingerprint {@code {fp}} shows: enough to tell secrets apart in one log. */
    static final int SHORT_FINGERPRINT = 12;

    private final String template;
    private final boolean usesFingerprint;
    private final String firstLiteral;
    private final String recogniserRegex;
    /**
     * Compiled on first need: most texts hold no mask, and an agent builds its template while the JVM
     * starts, where re2j's first compile (its classes loaded and run interpreted) is costly.
     */
    private volatile Pattern recogniser;

    private MaskTemplate(String template) {
        this.template = template;
        this.usesFingerprint = template.contains("{fp}");
        StringBuilder regex = new StringBuilder();
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("{rule}", i)) {
                regex.append("[A-Za-z0-9_.:\\-]{1,200}?");
                i += 6;
            } else if (template.startsWith("{fp}", i)) {
                regex.append("[0-9a-f]{").append(SHORT_FINGERPRINT).append("}");
                i += 4;
            } else {
                int next = nextPlaceholder(template, i);
                String literal = template.substring(i, next);
                literals.add(literal);
                quote(literal, regex);
                i = next;
            }
        }
        this.firstLiteral = literals.isEmpty() ? null : longest(literals);
        this.recogniserRegex = regex.toString();
    }

    /**
     * @throws IllegalArgumentException when the template has no fixed text, so that a mask could not be
     *     told from a secret
     */
    public static MaskTemplate of(String template) {
        if (template == null || template.isEmpty()) {
            throw new IllegalArgumentException("the mask is empty");
        }
        String literal = template.replace("{rule}", "").replace("{fp}", "");
        if (literal.trim().length() < 3) {
            throw new IllegalArgumentException("the mask '" + template
                    + "' needs at least 3 characters of fixed text besides {rule} and {fp}");
        }
        return new MaskTemplate(template);
    }

    public static MaskTemplate defaultMask() {
        return of(DEFAULT);
    }

    public boolean usesFingerprint() {
        return usesFingerprint;
    }

    /** The mask for a secret found by {@code label} (a rule id or {@code env:NAME}). */
    public String render(String label, String fingerprint) {
        String out = template.replace("{rule}", label);
        if (usesFingerprint) {
            String digits = fingerprint == null ? "" : fingerprint.substring(fingerprint.indexOf(':') + 1);
            out = out.replace("{fp}", digits.substring(0, Math.min(SHORT_FINGERPRINT, digits.length())));
        }
        return out;
    }

    /** Start/end pairs of masks already present in {@code text}; empty in the common case, cheaply. */
    int[] masksIn(CharSequence text) {
        if (firstLiteral != null && text.toString().indexOf(firstLiteral) < 0) {
            return EMPTY;
        }
        Matcher m = recogniser().matcher(text);
        int[] spans = EMPTY;
        int n = 0;
        while (m.find()) {
            if (n == spans.length) {
                spans = java.util.Arrays.copyOf(spans, Math.max(4, n * 2));
            }
            spans[n++] = m.start();
            spans[n++] = m.end();
        }
        return java.util.Arrays.copyOf(spans, n);
    }

    private static final int[] EMPTY = new int[0];

    private Pattern recogniser() {
        Pattern p = recogniser;
        if (p == null) {
            // Two threads may both compile; either result serves.
            p = Pattern.compile(recogniserRegex);
            recogniser = p;
        }
        return p;
    }

    /** As {@code Pattern.quote}, which would load re2j's engine classes when the template is made. */
    private static void quote(String literal, StringBuilder regex) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                regex.append('\\');
            }
            regex.append(c);
        }
    }

    private static int nextPlaceholder(String template, int from) {
        int rule = template.indexOf("{rule}", from);
        int fp = template.indexOf("{fp}", from);
        int next = template.length();
        if (rule >= 0) {
            next = Math.min(next, rule);
        }
        if (fp >= 0) {
            next = Math.min(next, fp);
        }
        return next;
    }

    private static String longest(List<String> literals) {
        String best = literals.get(0);
        for (String s : literals) {
            if (s.length() > best.length()) {
                best = s;
            }
        }
        return best;
    }
}
