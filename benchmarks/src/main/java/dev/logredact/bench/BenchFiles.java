package dev.logredact.bench;

import dev.logredact.rules.RuleLoadException;
import dev.logredact.rules.RuleSet;
import dev.logredact.rules.RuleSetLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Where the benchmarks find gitleaks' rules and the real-output corpus, from any working directory. */
public final class BenchFiles {
    /** gitleaks' default config lies in shared/, next to the repository, not inside it. */
    static final String GITLEAKS = "shared/compat/gitleaks.toml";
    static final String CORPUS = "redactor/src/test/resources/corpus";

    private BenchFiles() {
    }

    /** The file named by the system property, else {@code relative} in the working directory or a parent. */
    static Path locate(String property, String relative) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isEmpty()) {
            return Paths.get(configured);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find " + relative + " from " + Paths.get("").toAbsolutePath()
                + "; set -D" + property + "=PATH");
    }

    public static Path gitleaksToml() {
        return locate("logredact.rules", GITLEAKS);
    }

    public static Path corpusDir() {
        return locate("logredact.corpus", CORPUS);
    }

    public static RuleSet rules(Path toml) {
        try {
            return RuleSetLoader.loadFile(toml);
        } catch (RuleLoadException e) {
            throw new IllegalStateException("cannot load " + toml + ": " + e.getMessage(), e);
        }
    }

    /** A {@code --rules} value: a TOML path, {@code default} (logredact's own set), or absent (gitleaks'). */
    static RuleSet rulesOption(String[] args) {
        String spec = option(args, "--rules", null);
        if (spec == null) {
            return rules(gitleaksToml());
        }
        try {
            return RuleSetLoader.load(spec);
        } catch (RuleLoadException e) {
            throw new IllegalStateException("cannot load rules " + spec + ": " + e.getMessage(), e);
        }
    }

    /** The corpus files ({@code *.gz}), sorted by name so that every run reads them in the same order. */
    public static List<Path> corpusFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".gz")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> readGzipLines(Path gz) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz), 1 << 16), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code --name value} pairs; a missing name gives {@code fallback}. */
    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
