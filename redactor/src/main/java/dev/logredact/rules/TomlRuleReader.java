package dev.logredact.rules;

import com.electronwill.nightconfig.core.UnmodifiableConfig;
import com.electronwill.nightconfig.core.io.ParsingException;
import com.electronwill.nightconfig.toml.TomlParser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads gitleaks' TOML rule format into drafts. Keys are matched case-insensitively, as gitleaks'
 * configuration loader does, so {@code secretGroup} and {@code secretgroup} are the same key.
 */
final class TomlRuleReader {
    private static final Set<String> TOP_KEYS = keys("title", "description", "minversion", "extend", "allowlist",
            "allowlists", "rules");
    private static final Set<String> EXTEND_KEYS = keys("usedefault", "path", "url", "disabledrules");
    private static final Set<String> RULE_KEYS = keys("id", "description", "regex", "path", "secretgroup", "entropy",
            "keywords", "tags", "allowlist", "allowlists", "skipreport", "required");
    private static final Set<String> ALLOWLIST_KEYS = keys("description", "condition", "regextarget", "regexes",
            "paths", "stopwords", "commits", "targetrules");

    private final String source;
    private final String text;
    private final RuleFile file;
    /** Offsets where each line starts, to turn a position into a line number. */
    private int[] lineStarts;

    private TomlRuleReader(String text, String source) {
        this.source = source;
        this.text = text;
        this.file = new RuleFile(source);
    }

    static RuleFile read(String text, String source) throws RuleLoadException {
        return new TomlRuleReader(text, source).read();
    }

    private RuleFile read() throws RuleLoadException {
        UnmodifiableConfig root;
        try {
            root = new TomlParser().parse(text);
        } catch (ParsingException e) {
            throw new RuleLoadException(source + ": not valid TOML: " + e.getMessage(), e);
        }
        Map<String, Object> top = lowerKeys(root, null, TOP_KEYS);
        readExtend(top.get("extend"));
        Object legacy = top.get("allowlist");
        Object current = top.get("allowlists");
        if (legacy != null && current != null) {
            error(null, 0, "both [allowlist] and [[allowlists]] are set; use one");
        }
        if (legacy != null) {
            AllowlistDraft a = readAllowlist(legacy, null, 0);
            if (a != null) {
                file.globalAllowlists.add(a);
            }
        }
        for (Object entry : list(current, "allowlists", null, 0)) {
            AllowlistDraft a = readAllowlist(entry, null, 0);
            if (a != null) {
                file.globalAllowlists.add(a);
            }
        }
        Set<String> seen = new HashSet<>();
        for (Object entry : list(top.get("rules"), "rules", null, 0)) {
            RuleDraft rule = readRule(entry);
            if (rule != null && !seen.add(rule.id)) {
                error(rule.id, rule.line, "duplicate rule id; the later definition is ignored");
            } else if (rule != null) {
                file.rules.add(rule);
            }
        }
        return file;
    }

    private void readExtend(Object value) {
        if (value == null) {
            return;
        }
        if (!(value instanceof UnmodifiableConfig)) {
            error(null, 0, "[extend] must be a table");
            return;
        }
        Map<String, Object> extend = lowerKeys((UnmodifiableConfig) value, null, EXTEND_KEYS);
        Boolean useDefault = bool(extend.get("usedefault"), "extend.useDefault", null, 0);
        file.extendsDefault = useDefault != null && useDefault;
        file.extendsPath = string(extend.get("path"), "extend.path", null, 0);
        if (file.extendsDefault && file.extendsPath != null) {
            error(null, 0, "[extend] sets both useDefault and path; use one");
            file.extendsPath = null;
        }
        if (extend.get("url") != null) {
            warn(null, 0, "[extend] url is not supported (gitleaks does not implement it either); ignored");
        }
        file.disabledRules.addAll(strings(extend.get("disabledrules"), "extend.disabledRules", null, 0));
    }

    private RuleDraft readRule(Object entry) {
        if (!(entry instanceof UnmodifiableConfig)) {
            error(null, 0, "each [[rules]] entry must be a table");
            return null;
        }
        UnmodifiableConfig config = (UnmodifiableConfig) entry;
        Object rawId = findIgnoreCase(config, "id");
        if (!(rawId instanceof String) || ((String) rawId).trim().isEmpty()) {
            error(null, 0, "a rule has no id" + describe(config));
            return null;
        }
        String id = ((String) rawId).trim();
        int line = lineOf(id);
        Map<String, Object> fields = lowerKeys(config, id, RULE_KEYS);
        RuleDraft rule = new RuleDraft(id, source, line);
        rule.description = string(fields.get("description"), "description", id, line);
        rule.regex = string(fields.get("regex"), "regex", id, line);
        rule.path = string(fields.get("path"), "path", id, line);
        Number group = number(fields.get("secretgroup"), "secretGroup", id, line);
        rule.secretGroup = group == null ? null : group.intValue();
        Number entropy = number(fields.get("entropy"), "entropy", id, line);
        rule.entropy = entropy == null ? null : entropy.doubleValue();
        for (String keyword : strings(fields.get("keywords"), "keywords", id, line)) {
            rule.keywords.add(keyword.toLowerCase(Locale.ROOT));
        }
        rule.tags.addAll(strings(fields.get("tags"), "tags", id, line));
        Object legacy = fields.get("allowlist");
        Object current = fields.get("allowlists");
        if (legacy != null && current != null) {
            error(id, line, "both [rules.allowlist] and [[rules.allowlists]] are set; use one");
        }
        if (legacy != null) {
            AllowlistDraft a = readAllowlist(legacy, id, line);
            if (a != null) {
                rule.allowlists.add(a);
            }
        }
        for (Object a : list(current, "allowlists", id, line)) {
            AllowlistDraft draft = readAllowlist(a, id, line);
            if (draft != null) {
                rule.allowlists.add(draft);
            }
        }
        if (fields.get("required") != null) {
            warn(id, line, "composite rules ([[rules.required]]) are not supported; the rule fires on its own regex alone");
        }
        if (Boolean.TRUE.equals(fields.get("skipreport"))) {
            warn(id, line, "skipReport is not supported; the rule reports like any other");
        }
        return rule;
    }

    private AllowlistDraft readAllowlist(Object value, String ruleId, int line) {
        if (!(value instanceof UnmodifiableConfig)) {
            error(ruleId, line, "an allowlist must be a table");
            return null;
        }
        Map<String, Object> fields = lowerKeys((UnmodifiableConfig) value, ruleId, ALLOWLIST_KEYS);
        AllowlistDraft a = new AllowlistDraft();
        String description = string(fields.get("description"), "allowlist description", ruleId, line);
        a.description = description == null ? "" : description;
        String condition = string(fields.get("condition"), "allowlist condition", ruleId, line);
        if (condition != null) {
            String c = condition.trim().toUpperCase(Locale.ROOT);
            if (c.equals("OR") || c.equals("||")) {
                a.condition = "OR";
            } else if (c.equals("AND") || c.equals("&&")) {
                a.condition = "AND";
            } else {
                error(ruleId, line, "allowlist condition '" + condition + "' is not OR or AND");
                return null;
            }
        }
        String target = string(fields.get("regextarget"), "allowlist regexTarget", ruleId, line);
        if (target != null) {
            String t = target.trim().toLowerCase(Locale.ROOT);
            if (!t.equals("secret") && !t.equals("match") && !t.equals("line")) {
                error(ruleId, line, "allowlist regexTarget '" + target + "' is not secret, match or line");
                return null;
            }
            a.regexTarget = t;
        }
        a.regexes.addAll(strings(fields.get("regexes"), "allowlist regexes", ruleId, line));
        a.paths.addAll(strings(fields.get("paths"), "allowlist paths", ruleId, line));
        for (String stopword : strings(fields.get("stopwords"), "allowlist stopwords", ruleId, line)) {
            a.stopwords.add(stopword.toLowerCase(Locale.ROOT));
        }
        a.commits.addAll(strings(fields.get("commits"), "allowlist commits", ruleId, line));
        a.targetRules.addAll(strings(fields.get("targetrules"), "allowlist targetRules", ruleId, line));
        if (ruleId != null && !a.targetRules.isEmpty()) {
            error(ruleId, line, "targetRules belongs on a top-level [[allowlists]] entry, not in a rule");
            return null;
        }
        if (a.regexes.isEmpty() && a.paths.isEmpty() && a.stopwords.isEmpty() && a.commits.isEmpty()) {
            error(ruleId, line, "an allowlist needs at least one of regexes, paths, stopwords or commits");
            return null;
        }
        return a;
    }

    /** A key → value view with lower-cased keys; unknown keys are warned about, naming the closest known key. */
    private Map<String, Object> lowerKeys(UnmodifiableConfig config, String ruleId, Set<String> known) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : config.valueMap().entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (!known.contains(key)) {
                warn(ruleId, ruleId == null ? 0 : lineOf(ruleId), "unknown key '" + e.getKey() + "'"
                        + suggestion(key, known));
            }
            out.put(key, e.getValue());
        }
        return out;
    }

    private static Object findIgnoreCase(UnmodifiableConfig config, String key) {
        for (Map.Entry<String, Object> e : config.valueMap().entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String suggestion(String key, Set<String> known) {
        String best = Levenshtein.closest(key, known);
        return best != null && Levenshtein.distance(key, best) <= Math.max(2, key.length() / 3)
                ? " (did you mean '" + best + "'?)" : "";
    }

    private String describe(UnmodifiableConfig config) {
        Object regex = findIgnoreCase(config, "regex");
        return regex instanceof String ? " (regex " + regex + ")" : "";
    }

    /** The one-based line of {@code id = "…"} for this rule, so a problem can point into the file. */
    private int lineOf(String id) {
        int at = -1;
        for (String quote : new String[] {"\"", "'"}) {
            int i = text.indexOf(quote + id + quote);
            while (i >= 0) {
                int lineStart = text.lastIndexOf('\n', i) + 1;
                String prefix = text.substring(lineStart, i).trim().toLowerCase(Locale.ROOT);
                if (prefix.startsWith("id") && prefix.endsWith("=")) {
                    at = i;
                    break;
                }
                i = text.indexOf(quote + id + quote, i + 1);
            }
            if (at >= 0) {
                break;
            }
        }
        if (at < 0) {
            return 0;
        }
        if (lineStarts == null) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = new int[starts.size()];
            for (int i = 0; i < lineStarts.length; i++) {
                lineStarts[i] = starts.get(i);
            }
        }
        int found = Arrays.binarySearch(lineStarts, at);
        return found >= 0 ? found + 1 : -found - 1;
    }

    private String string(Object value, String what, String ruleId, int line) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        error(ruleId, line, what + " must be a string");
        return null;
    }

    private Number number(Object value, String what, String ruleId, int line) {
        if (value == null || value instanceof Number) {
            return (Number) value;
        }
        error(ruleId, line, what + " must be a number");
        return null;
    }

    private Boolean bool(Object value, String what, String ruleId, int line) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        error(ruleId, line, what + " must be true or false");
        return null;
    }

    private List<Object> list(Object value, String what, String ruleId, int line) {
        if (value == null) {
            return Collections.emptyList();
        }
        if (value instanceof List) {
            return new ArrayList<Object>((List<?>) value);
        }
        error(ruleId, line, what + " must be an array");
        return Collections.emptyList();
    }

    private List<String> strings(Object value, String what, String ruleId, int line) {
        List<String> out = new ArrayList<>();
        for (Object o : list(value, what, ruleId, line)) {
            if (o instanceof String) {
                out.add((String) o);
            } else {
                error(ruleId, line, what + " must contain only strings");
            }
        }
        return out;
    }

    private void error(String ruleId, int line, String message) {
        file.problems.add(new RuleProblem(RuleProblem.Severity.ERROR, source, line, ruleId, message));
    }

    private void warn(String ruleId, int line, String message) {
        file.problems.add(new RuleProblem(RuleProblem.Severity.WARNING, source, line, ruleId, message));
    }

    private static Set<String> keys(String... keys) {
        return new HashSet<>(Arrays.asList(keys));
    }
}
