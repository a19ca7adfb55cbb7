package dev.logredact.match;

import dev.logredact.rules.Rule;

/**
 * A secret found by a rule, as offsets into the scanned text. It deliberately holds no copy of the
 * secret: whoever needs the value reads it from the text they already have.
 */
public final class Finding {
    private final Rule rule;
    private final int start;
    private final int end;
    private final int matchStart;
    private final int matchEnd;

    public Finding(Rule rule, int start, int end, int matchStart, int matchEnd) {
        this.rule = rule;
        this.start = start;
        this.end = end;
        this.matchStart = matchStart;
        this.matchEnd = matchEnd;
    }

    public Rule rule() {
        return rule;
    }

    public String ruleId() {
        return rule.id();
    }

    /** Start of the secret in the scanned text. */
    public int start() {
        return start;
    }

    /** End (exclusive) of the secret in the scanned text. */
    public int end() {
        return end;
    }

    /** Start of the rule's whole match, which includes context such as {@code password=}. */
    public int matchStart() {
        return matchStart;
    }

    public int matchEnd() {
        return matchEnd;
    }

    @Override
    public String toString() {
        return rule.id() + "@" + start + ".." + end;
    }
}
