package dev.logredact.bench;

import dev.logredact.match.PatternScanner;
import dev.logredact.rules.Rule;
import dev.logredact.rules.RuleSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Why the per-line baseline costs what it costs on real output: per corpus file, the share of lines in
 * which some rule keyword occurs, how many rules' regexes run per line on average, and how many lines
 * the engine finds something in (every such line is a false positive: the corpus holds no secret).
 *
 * <p>{@code java -cp benchmarks.jar dev.logredact.bench.KeywordStats [--rules SPEC] [--corpus DIR]}
 */
public final class KeywordStats {
    private KeywordStats() {
    }

    public static void main(String[] args) {
        RuleSet rules = BenchFiles.rulesOption(args);
        String corpusOption = BenchFiles.option(args, "--corpus", null);
        Path corpus = corpusOption != null ? Path.of(corpusOption) : BenchFiles.corpusDir();
        PatternScanner scanner = new PatternScanner(rules);
        List<Rule> usable = rules.rules().stream().filter(Rule::appliesToStreams).toList();
        System.out.println("| file | lines | lines with a keyword | regexes run per line | lines with findings |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        long allLines = 0;
        long allHit = 0;
        long allRuns = 0;
        long allFound = 0;
        for (Path gz : BenchFiles.corpusFiles(corpus)) {
            long lines = 0;
            long hit = 0;
            long runs = 0;
            long found = 0;
            for (String line : BenchFiles.readGzipLines(gz)) {
                lines++;
                String lower = line.toLowerCase(Locale.ROOT);
                int r = 0;
                for (Rule rule : usable) {
                    if (rule.keywords().isEmpty() || rule.keywords().stream().anyMatch(lower::contains)) {
                        r++;
                    }
                }
                hit += r > 0 ? 1 : 0;
                runs += r;
                if (!scanner.scan(line).isEmpty()) {
                    found++;
                    System.err.println(gz.getFileName() + ": " + scanner.scan(line) + " in: "
                            + (line.length() > 200 ? line.substring(0, 200) + "..." : line));
                }
            }
            row(gz.getFileName().toString(), lines, hit, runs, found);
            allLines += lines;
            allHit += hit;
            allRuns += runs;
            allFound += found;
        }
        row("all", allLines, allHit, allRuns, allFound);
    }

    private static void row(String name, long lines, long hit, long runs, long found) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %.1f%% | %.2f | %d |%n", name, lines,
                100.0 * hit / lines, (double) runs / lines, found);
    }
}
