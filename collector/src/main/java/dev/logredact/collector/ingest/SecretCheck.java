package dev.logredact.collector.ingest;

import dev.logredact.mask.Redactor;
import dev.logredact.mask.Span;
import dev.logredact.rules.RuleSetLoader;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs logredact's default rules over text the collector is about to store. Events carry no secret by
 * design; a sender that got it wrong (an unmasked thread name, a repository URL with a token in it) must
 * not turn the collector's database into a second leak.
 */
public final class SecretCheck {
    private final Redactor redactor = Redactor.builder(RuleSetLoader.defaults()).build();

    /** The id of the first rule that finds a secret in {@code text}, or null. */
    public String ruleFound(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        List<Span> spans = redactor.find(text);
        return spans.isEmpty() ? null : spans.get(0).label();
    }

    /**
     * As {@link #ruleFound(String)} for a decoded OTLP value of any shape: strings, nested lists and
     * key/value lists (keys included), bytes read as UTF-8.
     */
    String ruleFoundIn(Object value) {
        if (value instanceof String s) {
            return ruleFound(s);
        }
        if (value instanceof byte[] bytes) {
            return ruleFound(new String(bytes, StandardCharsets.UTF_8));
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                String rule = ruleFoundIn(item);
                if (rule != null) {
                    return rule;
                }
            }
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String rule = ruleFound((String) e.getKey());
                if (rule == null) {
                    rule = ruleFoundIn(e.getValue());
                }
                if (rule != null) {
                    return rule;
                }
            }
        }
        return null;
    }
}
