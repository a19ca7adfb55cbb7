package dev.logredact.mask;

import dev.logredact.event.Fingerprinter;
import dev.logredact.match.Finding;
import dev.logredact.match.PatternScanner;
import dev.logredact.rules.RuleSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Masks what the rules find in a text. Overlapping and nested findings become one mask; everything
 * else in the text is left exactly as it was; a mask is never taken for a secret.
 */
public final class Redactor {
    private final PatternScanner scanner;
    private final MaskTemplate mask;
    private final Fingerprinter fingerprinter;
    private final RedactionListener listener;

    private Redactor(Builder b) {
        this.scanner = new PatternScanner(b.rules, false);
        this.mask = b.mask;
        this.fingerprinter = b.fingerprinter != null ? b.fingerprinter : Fingerprinter.withRandomKey();
        this.listener = b.listener;
    }

    public static Builder builder(RuleSet rules) {
        return new Builder(rules);
    }

    public PatternScanner scanner() {
        return scanner;
    }

    public MaskTemplate mask() {
        return mask;
    }

    /** The text with every secret masked; the same instance when nothing was found. */
    public String redactLine(String text) {
        CharSequence out = redact(text);
        return out == text ? text : out.toString();
    }

    /** As {@link #redactLine}, for any text, including a multi-line block. */
    public CharSequence redact(CharSequence text) {
        List<Finding> findings = scanner.scan(text);
        if (findings.isEmpty()) {
            return text;
        }
        List<int[]> spans = unprotected(text, findings);
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16 * spans.size());
        int copied = 0;
        for (int i = 0; i < spans.size(); ) {
            int[] first = spans.get(i);
            int start = first[0];
            int end = first[1];
            i++;
            while (i < spans.size() && spans.get(i)[0] < end) {
                end = Math.max(end, spans.get(i)[1]);
                i++;
            }
            String label = findings.get(first[2]).ruleId();
            String fingerprint = fingerprinter.fingerprint(text.subSequence(start, end));
            out.append(text, copied, start).append(mask.render(label, fingerprint));
            copied = end;
            listener.redacted(new Redaction(label, fingerprint, start, end));
        }
        return out.append(text, copied, text.length());
    }

    /**
     * The findings' spans as [start, end, finding index], sorted, minus any part that is already a mask:
     * that is what makes a second pass over masked text change nothing.
     */
    private List<int[]> unprotected(CharSequence text, List<Finding> findings) {
        int[] masks = mask.masksIn(text);
        List<int[]> spans = new ArrayList<>(findings.size());
        for (int f = 0; f < findings.size(); f++) {
            int start = findings.get(f).start();
            int end = findings.get(f).end();
            for (int m = 0; m < masks.length && start < end; m += 2) {
                if (masks[m + 1] <= start || masks[m] >= end) {
                    continue;
                }
                if (masks[m] > start) {
                    spans.add(new int[] {start, masks[m], f});
                }
                start = Math.max(start, masks[m + 1]);
            }
            if (start < end) {
                spans.add(new int[] {start, end, f});
            }
        }
        spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        return spans;
    }

    /** Configures a {@link Redactor}; defaults: the default mask, a random fingerprint key, no listener. */
    public static final class Builder {
        private final RuleSet rules;
        private MaskTemplate mask = MaskTemplate.defaultMask();
        private Fingerprinter fingerprinter;
        private RedactionListener listener = RedactionListener.NONE;

        private Builder(RuleSet rules) {
            this.rules = rules;
        }

        public Builder mask(String template) {
            this.mask = MaskTemplate.of(template);
            return this;
        }

        public Builder fingerprinter(Fingerprinter fingerprinter) {
            this.fingerprinter = fingerprinter;
            return this;
        }

        public Builder listener(RedactionListener listener) {
            this.listener = listener;
            return this;
        }

        public Redactor build() {
            return new Redactor(this);
        }
    }
}
