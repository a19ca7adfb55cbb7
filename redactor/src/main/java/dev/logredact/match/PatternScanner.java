package dev.logredact.match;

import com.google.re2j.LeftmostMatch;
import com.google.re2j.MatchProbe;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.logredact.rules.Rule;
import dev.logredact.rules.RuleSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Finds rule matches in a text (one log line, or a held multi-line block) with as little work as
 * possible. Three gates, cheapest first:
 * <ol>
 *   <li>one Aho–Corasick pass finds every rule keyword; a text with none is done;</li>
 *   <li>for each rule whose keyword hit, a DFA probe ({@link MatchProbe}) checks whether the rule could
 *       match in a bounded window around the hits;</li>
 *   <li>only then the exact matches in that window are found, by a DFA that finds where each starts and
 *       re2j's NFA run from there ({@link LeftmostMatch}), and {@link FindingFilter} decides.</li>
 * </ol>
 * Thread-safe and shared: all state of a scan lives on the calling thread's stack.
 */
public final class PatternScanner {
    /** How far before a keyword a match may start: gitleaks' identifier prefix is at most 50 characters. */
    static final int WINDOW_BEFORE = 256;
    /** How far after a keyword a match may end: enough for long tokens such as JWTs. */
    static final int WINDOW_AFTER = 4096;

    private final Rule[] rules;
    /**
     * Each rule's {@link Search}, built on its first keyword hit: most rules never see one, so start-up
     * does not pay for them. A plain array, as in {@link KeywordLiterals}: a search is safely published
     * through its final fields, and a lost race only builds one twice (an AtomicReferenceArray sets up
     * VarHandles at start-up).
     */
    private final Search[] searches;

    private final KeywordAutomaton keywords;
    /** For each keyword, the indexes of the rules that list it. */
    private final int[][] rulesOfKeyword;
    /** Rules with no keyword run on every text. */
    private final int[] alwaysRun;
    private final LineKeywords lineKeywords;
    private final FindingFilter filter;

    public PatternScanner(RuleSet ruleSet) {
        this(ruleSet, false);
    }

    /** @param honourInlineAllow skip lines marked {@code gitleaks:allow}, as file scanning does */
    public PatternScanner(RuleSet ruleSet, boolean honourInlineAllow) {
        List<Rule> usable = new ArrayList<>();
        for (Rule r : ruleSet.rules()) {
            // A rule with a path as well as a regex can fire only where a path is known (scan).
            if (r.hasRegex()) {
                usable.add(r);
            }
        }
        rules = usable.toArray(new Rule[0]);
        searches = new Search[rules.length];
        KeywordOwners owners = new KeywordOwners(rules);
        rulesOfKeyword = owners.rulesOfKeyword;
        alwaysRun = owners.alwaysRun;
        keywords = new KeywordAutomaton(owners.keywords);
        lineKeywords = keywords.lineKeywords(alwaysRun.length > 0, new KeywordLiterals(rules, keywords, rulesOfKeyword));
        filter = new FindingFilter(ruleSet, honourInlineAllow);
    }

    /** The keyword automaton as a table for a byte-level line scanner. */
    public LineKeywords lineKeywords() {
        return lineKeywords;
    }

    /**
     * Cheap pre-test over raw bytes (ASCII case folding only): false means no rule can match, so the
     * caller need not even decode the line.
     */
    public boolean mayContainSecrets(byte[] bytes, int offset, int length) {
        return alwaysRun.length > 0 || keywords.anyHit(bytes, offset, length);
    }

    /** The findings in {@code text}, sorted by start; the same secret found by two rules is reported twice. */
    public List<Finding> scan(CharSequence text) {
        return scan(text, null);
    }

    /** As {@link #scan(CharSequence)}, for text from the file at {@code path} (allowlist paths apply). */
    public List<Finding> scan(CharSequence text, String path) {
        Windows windows = scratch.get();
        windows.reset(text.length());
        keywords.scan(text, windows);
        for (int r : alwaysRun) {
            windows.add(r, 0, text.length());
        }
        if (windows.isEmpty()) {
            return Collections.emptyList();
        }
        List<Finding> findings = new ArrayList<>();
        for (int t = 0; t < windows.touchedCount(); t++) {
            int r = windows.touched(t);
            Rule rule = rules[r];
            if (rule.hasPath() && (path == null || !rule.path().matcher(path).find())) {
                continue;
            }
            int[] spans = windows.of(r);
            int searchedTo = 0;
            for (int i = 0; spans != null && i < windows.count(r); i += 2) {
                // A match found in one window may run into the next; never search the same text twice.
                searchedTo = findIn(r, text, Math.max(spans[i], searchedTo), spans[i + 1], path, findings);
            }
        }
        if (findings.size() > 1) {
            findings = GenericOverlap.withoutRedundantGeneric(text, findings);
        }
        return findings;
    }

    private Search search(int r) {
        Search s = searches[r];
        if (s == null) {
            s = new Search(MatchProbe.forPattern(rules[r].regexSource()));
            searches[r] = s;
        }
        return s;
    }

    /** Adds the rule's findings that start in {@code [from, to]}; returns where searching stopped. */
    private int findIn(int r, CharSequence text, int from, int to, String path, List<Finding> out) {
        Search search = search(r);
        if (from > to || (search.probe != null && !search.probe.mayMatch(text, from, to))) {
            return to;
        }
        Rule rule = rules[r];
        LeftmostMatch leftmost = search.leftmost(rule.regex());
        Matcher m = null;
        int[] end = new int[1];
        int at = from;
        while (at <= to) {
            int start = leftmost != null ? leftmost.find(text, at, end) : LeftmostMatch.UNKNOWN;
            if (start == LeftmostMatch.UNKNOWN) {
                m = m != null ? m : rule.regex().matcher(text);
                start = m.find(at) ? m.start() : -1;
                end[0] = start >= 0 ? m.end() : start;
            }
            if (start < 0 || start > to) {
                break;
            }
            Finding f = filter.check(rule, text, start, end[0], path);
            if (f != null) {
                out.add(f);
            }
            at = end[0] > start ? end[0] : end[0] + 1;
        }
        return Math.max(at, to);
    }

    /** What a rule's search needs beside its pattern, made on its first keyword hit. */
    private static final class Search {
        /** Null when the pattern is too large for one or can match the empty string. */
        final MatchProbe probe;
        /**
         * Made on the first search, after the probe's first "maybe" (so that a rule whose keyword occurs
         * but which never matches is never compiled); racy, as {@link #searches}: a lost race only makes
         * it twice.
         */
        private Object leftmost;
        private static final Object NONE = new Object();

        Search(MatchProbe probe) {
            this.probe = probe;
        }

        /** Null when the pattern has none ({@link LeftmostMatch#forPattern}): re2j then searches alone. */
        LeftmostMatch leftmost(Pattern regex) {
            Object l = leftmost;
            if (l == null) {
                LeftmostMatch made = LeftmostMatch.forPattern(regex);
                l = made != null ? made : NONE;
                leftmost = l;
            }
            return l == NONE ? null : (LeftmostMatch) l;
        }
    }

    /**
     * Per-rule lists of merged [from, to) windows around keyword hits, reused by one thread from scan to
     * scan so that a line costs no allocation proportional to the number of rules.
     */
    private final ThreadLocal<Windows> scratch = new ThreadLocal<Windows>() {
        @Override
        protected Windows initialValue() {
            return new Windows();
        }
    };

    private final class Windows implements KeywordAutomaton.HitSink {
        private final int[][] spans = new int[rules.length][];
        private final int[] counts = new int[rules.length];
        /** Rules hit in this scan, in the order first hit; findings are sorted afterwards. */
        private final int[] touched = new int[rules.length];
        private int touchedCount;
        private int textLength;

        void reset(int length) {
            for (int t = 0; t < touchedCount; t++) {
                counts[touched[t]] = 0;
            }
            touchedCount = 0;
            textLength = length;
        }

        @Override
        public void hit(int keyword, int end) {
            int start = end - keywords.length(keyword);
            for (int r : rulesOfKeyword[keyword]) {
                add(r, Math.max(0, start - WINDOW_BEFORE), Math.min(textLength, end + WINDOW_AFTER));
            }
        }

        void add(int rule, int from, int to) {
            int[] s = spans[rule];
            int c = counts[rule];
            if (c == 0) {
                touched[touchedCount++] = rule;
            }
            if (s == null) {
                spans[rule] = s = new int[4];
            } else if (c > 0 && from <= s[c - 1]) {
                // Hits arrive in text order, so a new window can only overlap the last one.
                s[c - 1] = Math.max(s[c - 1], to);
                return;
            } else if (c == s.length) {
                spans[rule] = s = Arrays.copyOf(s, c * 2);
            }
            s[c] = from;
            s[c + 1] = to;
            counts[rule] = c + 2;
        }

        boolean isEmpty() {
            return touchedCount == 0;
        }

        int touchedCount() {
            return touchedCount;
        }

        int touched(int i) {
            return touched[i];
        }

        int[] of(int rule) {
            return spans[rule];
        }

        int count(int rule) {
            return counts[rule];
        }
    }
}
