package dev.logredact.match;

import com.google.re2j.Matcher;
import dev.logredact.rules.Allowlist;
import dev.logredact.rules.Rule;
import dev.logredact.rules.RuleSet;

import java.util.List;

/**
 * What happens to a regex match after it is found, in gitleaks' order: trim newlines, skip lines marked
 * {@code gitleaks:allow} (only when asked to), pick the secret group, check entropy, then the global
 * and the rule's allowlists. Shared by the scanner and the benchmark baseline so both decide alike.
 */
public final class FindingFilter {
    private static final String INLINE_ALLOW = "gitleaks:allow";

    private final List<Allowlist> globalAllowlists;
    private final boolean honourInlineAllow;

    /**
     * @param honourInlineAllow true for scanning files, as gitleaks does; false for log streams, where a
     *     line printing a live secret must be masked whatever else it says
     */
    public FindingFilter(RuleSet rules, boolean honourInlineAllow) {
        this.globalAllowlists = rules.globalAllowlists();
        this.honourInlineAllow = honourInlineAllow;
    }

    /** The finding for the rule's match {@code text[start, end)}, or null when it is dropped. */
    public Finding check(Rule rule, CharSequence text, int start, int end, String path) {
        int matchStart = start;
        int matchEnd = end;
        while (matchStart < matchEnd && text.charAt(matchStart) == '\n') {
            matchStart++;
        }
        while (matchEnd > matchStart && text.charAt(matchEnd - 1) == '\n') {
            matchEnd--;
        }
        if (matchStart == matchEnd) {
            return null;
        }
        CharSequence match = text.subSequence(matchStart, matchEnd);
        int lineStart = lastIndexOf(text, '\n', matchStart - 1) + 1;
        int lineEnd = indexOf(text, '\n', matchEnd);
        CharSequence line = text.subSequence(lineStart, lineEnd);
        if (honourInlineAllow && line.toString().contains(INLINE_ALLOW)) {
            return null;
        }
        int secretStart = matchStart;
        int secretEnd = matchEnd;
        if (rule.regex().groupCount() > 0) {
            // gitleaks takes the groups from a second match over the match text alone. That match mostly
            // starts at the text's start, and a search anchored there finds it without trying every later
            // start (for a semi-generic rule a fifth of the cost); only if none starts there is the rest searched.
            Matcher again = rule.regex().matcher(match);
            if (again.lookingAt() || again.find(0)) {
                int group = rule.secretGroup();
                if (group > 0) {
                    if (again.start(group) >= 0) {
                        secretStart = matchStart + again.start(group);
                        secretEnd = matchStart + again.end(group);
                    } else {
                        secretEnd = secretStart;
                    }
                } else {
                    for (int g = 1; g <= again.groupCount(); g++) {
                        if (again.start(g) >= 0 && again.end(g) > again.start(g)) {
                            secretStart = matchStart + again.start(g);
                            secretEnd = matchStart + again.end(g);
                            break;
                        }
                    }
                }
            }
        }
        if (secretStart == secretEnd) {
            return null;
        }
        CharSequence secret = text.subSequence(secretStart, secretEnd);
        if (rule.entropy() != 0 && Entropy.shannon(secret) <= rule.entropy()) {
            return null;
        }
        if (allowed(globalAllowlists, secret, match, line, path) || allowed(rule.allowlists(), secret, match, line, path)) {
            return null;
        }
        return new Finding(rule, secretStart, secretEnd, matchStart, matchEnd);
    }

    private static boolean allowed(List<Allowlist> allowlists, CharSequence secret, CharSequence match,
                                   CharSequence line, String path) {
        for (Allowlist a : allowlists) {
            if (a.allows(secret, match, line, path)) {
                return true;
            }
        }
        return false;
    }

    private static int lastIndexOf(CharSequence s, char c, int from) {
        for (int i = Math.min(from, s.length() - 1); i >= 0; i--) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return s.length();
    }
}
