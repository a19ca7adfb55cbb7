package dev.logredact.mask;

import dev.logredact.event.Fingerprinter;
import dev.logredact.match.Finding;
import dev.logredact.match.PatternScanner;
import dev.logredact.rules.RuleSet;

import java.util.ArrayList;
import java.util.Collections;
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

    public Fingerprinter fingerprinter() {
        return fingerprinter;
    }

    public RedactionListener listener() {
        return listener;
    }

    /** The text with every secret masked; the same instance when nothing was found. */
    public String redactLine(String text) {
        CharSequence out = redact(text);
        return out == text ? text : out.toString();
    }

    /** As {@link #redactLine}, for any text, including a multi-line block. */
    public CharSequence redact(CharSequence text) {
        List<Span> spans = find(text);
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16 * spans.size());
        int copied = 0;
        for (Span m : SpanMerger.merge(spans)) {
            out.append(text, copied, m.start).append(mask.render(m.label, m.fingerprint));
            copied = m.end;
            listener.redacted(m);
        }
        return out.append(text, copied, text.length());
    }

    /**
     * The rule findings in {@code text} as sorted spans, minus any part that is already a mask: that is
     * what makes a second pass over masked text change nothing. Nothing is reported to the listener.
     */
    public List<Span> find(CharSequence text) {
        List<Finding> findings = scanner.scan(text);
        if (findings.isEmpty()) {
            return Collections.emptyList();
        }
        int[] masks = mask.masksIn(text);
        List<Span> spans = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            int start = f.start();
            int end = f.end();
            String fingerprint = null;
            for (int m = 0; m < masks.length && start < end; m += 2) {
                if (masks[m + 1] <= start || masks[m] >= end) {
                    continue;
                }
                if (masks[m] > start) {
                    fingerprint = fingerprint != null ? fingerprint : fingerprinter.fingerprint(text.subSequence(f.start(), f.end()));
                    spans.add(span(f, start, masks[m], fingerprint));
                }
                start = Math.max(start, masks[m + 1]);
            }
            if (start < end) {
                fingerprint = fingerprint != null ? fingerprint : fingerprinter.fingerprint(text.subSequence(f.start(), f.end()));
                spans.add(span(f, start, end, fingerprint));
            }
        }
        SpanMerger.sort(spans);
        return spans;
    }

    private static Span span(Finding f, int start, int end, String fingerprint) {
        return new Span(start, end, f.ruleId(), Span.Kind.PATTERN, null, "plain", fingerprint);
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
