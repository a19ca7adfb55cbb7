package dev.logredact.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a rule set from a spec: {@code none}, {@code default} (the embedded set), or a comma list of
 * {@code default} and gitleaks-format TOML files. A file's {@code [extend] useDefault = true} extends
 * logredact's default set; {@code path} extends another file, at most two levels deep as in gitleaks.
 */
public final class RuleSetLoader {
    /** Where the embedded default set lives on the class path. */
    public static final String DEFAULT_RESOURCE = "dev/logredact/rules/default.toml";
    /** The default rules in binary form, a class the build writes (see {@link DefaultRulesBinary}). */
    static final String DEFAULT_CLASS = "dev.logredact.rules.DefaultRulesData";
    /** The default rules' {@link StreamKeywords}, a class the build writes beside it. */
    static final String DEFAULT_KEYWORDS_CLASS = "dev.logredact.rules.DefaultKeywordsData";
    public static final String DEFAULT_SOURCE = "default";
    private static final int MAX_EXTEND_DEPTH = 2;

    private static volatile RuleSet defaults;

    private RuleSetLoader() {
    }

    /** The embedded default rule set, loaded once. */
    public static RuleSet defaults() {
        RuleSet d = defaults;
        if (d == null) {
            synchronized (RuleSetLoader.class) {
                d = defaults;
                if (d == null) {
                    d = defaultsFromBinary();
                    if (d == null) {
                        d = defaultsFromToml();
                    }
                    defaults = d;
                }
            }
        }
        return d;
    }

    /** The default set compiled from its TOML: what the build checks, and the fallback without a build. */
    static RuleSet defaultsFromToml() {
        try {
            return fromDrafts(defaultFile(), new ArrayList<RuleProblem>());
        } catch (RuleLoadException e) {
            throw new IllegalStateException("the embedded default rule set is broken: " + e.getMessage(), e);
        }
    }

    private static RuleSet defaultsFromBinary() {
        byte[] binary = defaultBinary();
        if (binary == null) {
            return null;
        }
        try {
            return RuleSetCodec.read(binary);
        } catch (IOException | RuntimeException e) {
            // A damaged binary is not worth failing for: the TOML next to it says the same.
            return null;
        }
    }

    /**
     * Where {@value #DEFAULT_CLASS}'s static initialiser leaves its bytes when loaded (see
     * {@link BytesClassFile}): read through a field, not a method called by reflection, which costs an
     * agent's engine a millisecond on Java 18+.
     */
    static volatile String[] defaultChunks;
    /** Where {@value #DEFAULT_KEYWORDS_CLASS}'s static initialiser leaves its bytes. */
    static volatile String[] defaultKeywordChunks;

    /** The bytes {@link DefaultRulesBinary} wrote, or null when the build did not run (in an IDE, say). */
    static byte[] defaultBinary() {
        return BytesClassFile.initialise(DEFAULT_CLASS) ? BytesClassFile.joined(defaultChunks) : null;
    }

    /**
     * The default rules' {@link StreamKeywords}, as the build stored them: without reading the rules.
     * Null when the build did not store them (or one of the rules runs without a keyword).
     */
    public static byte[][] defaultKeywords() {
        byte[] stored = BytesClassFile.initialise(DEFAULT_KEYWORDS_CLASS) ? BytesClassFile.joined(defaultKeywordChunks) : null;
        return stored == null ? null : StreamKeywords.read(stored);
    }

    private static InputStream resource(String name) {
        ClassLoader loader = RuleSetLoader.class.getClassLoader();
        return loader == null ? ClassLoader.getSystemResourceAsStream(name) : loader.getResourceAsStream(name);
    }

    /** Loads {@code none}, {@code default}, or a comma list of {@code default} and TOML file paths. */
    public static RuleSet load(String spec) throws RuleLoadException {
        return load(spec, (RuleSetCache.Reads) null);
    }

    /**
     * As {@link #load(String)}, taking a set that names files from {@code cache} when none of them changed
     * since it was kept there, and keeping it there otherwise; {@code cache} may be null.
     */
    public static RuleSet load(String spec, RuleSetCache cache) throws RuleLoadException {
        String files = cache == null ? null : fileSpec(spec);
        if (files == null) {
            return load(spec);
        }
        RuleSet cached = cache.get(files);
        if (cached != null) {
            return cached;
        }
        RuleSetCache.Reads reads = new RuleSetCache.Reads();
        RuleSet loaded = load(spec, reads);
        cache.put(files, loaded, reads);
        return loaded;
    }

    /**
     * The spec as written, the directory it is read from, and each file as an absolute path: what the set
     * loaded and the file names its problems show depend on all three. Null when the spec names no file
     * (the embedded set loads fast as it is).
     */
    private static String fileSpec(String spec) {
        if (!namesFiles(spec)) {
            return null;
        }
        StringBuilder files = new StringBuilder(spec).append('\n').append(Paths.get("").toAbsolutePath()).append('\n');
        for (String part : spec.split(",")) {
            String item = part.trim();
            if (!item.isEmpty()) {
                files.append(isFile(item) ? Paths.get(item).toAbsolutePath().normalize().toString() : item).append('\n');
            }
        }
        return files.toString();
    }

    /**
     * Whether {@code spec} names a rule file, not only {@code default} or {@code none}: only such a set is
     * worth a {@link RuleSetCache}, and only then need a caller set one up.
     */
    public static boolean namesFiles(String spec) {
        for (String part : (spec == null ? "" : spec).split(",")) {
            String item = part.trim();
            if (!item.isEmpty() && isFile(item)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFile(String item) {
        return !item.equalsIgnoreCase(DEFAULT_SOURCE) && !item.equalsIgnoreCase("none");
    }

    private static RuleSet load(String spec, RuleSetCache.Reads reads) throws RuleLoadException {
        String trimmed = spec == null ? "" : spec.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase(DEFAULT_SOURCE)) {
            return defaults();
        }
        if (trimmed.equalsIgnoreCase("none")) {
            return RuleSet.EMPTY;
        }
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, RuleDraft> rules = new LinkedHashMap<>();
        List<AllowlistDraft> allowlists = new ArrayList<>();
        for (String part : trimmed.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            if (item.equalsIgnoreCase("none")) {
                throw new RuleLoadException("rules '" + spec + "': 'none' cannot be combined with other rule sets");
            }
            RuleFile file = item.equalsIgnoreCase(DEFAULT_SOURCE) ? defaultFile() : resolved(Paths.get(item), 0, reads);
            problems.addAll(file.problems);
            for (RuleDraft rule : file.rules) {
                if (rules.put(rule.id, rule) != null) {
                    problems.add(new RuleProblem(RuleProblem.Severity.WARNING, rule.source, rule.line, rule.id,
                            "replaces a rule of the same id from an earlier rule set in '" + spec + "'"));
                }
            }
            allowlists.addAll(file.globalAllowlists);
        }
        return new RuleCompiler(problems).compile(new ArrayList<>(rules.values()), allowlists, trimmed);
    }

    /** Loads one gitleaks-format TOML file, resolving its {@code [extend]}. */
    public static RuleSet loadFile(Path toml) throws RuleLoadException {
        return fromDrafts(resolved(toml, 0, null), new ArrayList<RuleProblem>());
    }

    /** Loads rules from TOML text; {@code [extend] path} is resolved against the working directory. */
    public static RuleSet parse(String toml, String sourceName) throws RuleLoadException {
        RuleFile file = TomlRuleReader.read(toml, sourceName);
        return fromDrafts(extend(file, Paths.get("").toAbsolutePath(), 0, null), new ArrayList<RuleProblem>());
    }

    private static RuleSet fromDrafts(RuleFile file, List<RuleProblem> problems) {
        problems.addAll(file.problems);
        return new RuleCompiler(problems).compile(file.rules, file.globalAllowlists, file.source);
    }

    /** Reads and parses a file and what it extends; each file read is told to {@code reads} if not null. */
    private static RuleFile resolved(Path path, int depth, RuleSetCache.Reads reads) throws RuleLoadException {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(path);
            if (reads != null) {
                reads.read(path, bytes);
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RuleLoadException("rule file " + path + " does not exist");
        } catch (IOException e) {
            throw new RuleLoadException("rule file " + path + " cannot be read: " + e.getMessage(), e);
        }
        Path dir = path.toAbsolutePath().getParent();
        return extend(TomlRuleReader.read(text, path.toString()), dir, depth, reads);
    }

    private static RuleFile defaultFile() throws RuleLoadException {
        InputStream in = resource(DEFAULT_RESOURCE);
        if (in == null) {
            throw new RuleLoadException("the embedded default rule set " + DEFAULT_RESOURCE + " is missing");
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            return TomlRuleReader.read(new String(out.toByteArray(), StandardCharsets.UTF_8), DEFAULT_SOURCE);
        } catch (IOException e) {
            throw new RuleLoadException("the embedded default rule set cannot be read: " + e.getMessage(), e);
        } finally {
            try {
                in.close();
            } catch (IOException ignored) {
                // Nothing was lost: the content was already read or the read failed above.
            }
        }
    }

    /** Applies gitleaks' [extend]: base rules minus disabledRules, merged with this file's rules. */
    private static RuleFile extend(RuleFile file, Path dir, int depth, RuleSetCache.Reads reads) throws RuleLoadException {
        if (!file.extendsDefault && file.extendsPath == null) {
            return file;
        }
        if (depth >= MAX_EXTEND_DEPTH) {
            file.problems.add(new RuleProblem(RuleProblem.Severity.WARNING, file.source, 0, null,
                    "[extend] nested more than " + MAX_EXTEND_DEPTH + " levels deep is ignored, as in gitleaks"));
            return file;
        }
        RuleFile base = file.extendsDefault ? defaultFile() : resolved(dir.resolve(file.extendsPath), depth + 1, reads);
        Map<String, RuleDraft> rules = new LinkedHashMap<>();
        for (RuleDraft rule : base.rules) {
            rules.put(rule.id, rule);
        }
        for (String disabled : file.disabledRules) {
            if (rules.remove(disabled) == null) {
                file.problems.add(new RuleProblem(RuleProblem.Severity.WARNING, file.source, 0, disabled,
                        "disabledRules names a rule that the extended rule set does not have"));
            }
        }
        for (RuleDraft rule : file.rules) {
            RuleDraft existing = rules.get(rule.id);
            rules.put(rule.id, existing == null ? rule : existing.mergedWith(rule));
        }
        RuleFile merged = new RuleFile(file.source);
        merged.problems.addAll(base.problems);
        merged.problems.addAll(file.problems);
        merged.rules.addAll(rules.values());
        merged.globalAllowlists.addAll(base.globalAllowlists);
        merged.globalAllowlists.addAll(file.globalAllowlists);
        return merged;
    }
}
