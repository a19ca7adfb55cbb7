package dev.logredact.match;

import java.util.ArrayList;
import java.util.List;

/**
 * gitleaks' final filter: a finding of a {@code generic*} rule is dropped when a specific rule found a
 * secret containing it in the same text, so one secret is reported once, under its precise rule.
 */
final class GenericOverlap {
    private GenericOverlap() {
    }

    static List<Finding> withoutRedundantGeneric(CharSequence text, List<Finding> findings) {
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!isGeneric(f) || !coveredBySpecific(text, f, findings)) {
                kept.add(f);
            }
        }
        kept.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
        return kept;
    }

    private static boolean coveredBySpecific(CharSequence text, Finding generic, List<Finding> findings) {
        String secret = text.subSequence(generic.start(), generic.end()).toString();
        for (Finding other : findings) {
            if (!isGeneric(other) && text.subSequence(other.start(), other.end()).toString().contains(secret)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGeneric(Finding f) {
        return f.ruleId().startsWith("generic");
    }
}
