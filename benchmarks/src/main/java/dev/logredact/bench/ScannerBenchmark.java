package dev.logredact.bench;

import dev.logredact.match.PatternScanner;
import dev.logredact.rules.RuleSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine's inner loop: {@link PatternScanner#scan} over gitleaks' default rules on the three kinds
 * of line a build log has, next to the per-line baseline on the same lines. Setup checks that each line
 * is of the kind it is named for, so a change of rules cannot quietly turn one case into another.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScannerBenchmark {
    /** A typical line: no keyword of any rule occurs in it. */
    static final String NO_KEYWORD =
            "[INFO] Compiling 3 source files with javac [debug deprecation release 17] to target/test-classes";
    /** A Maven -X line whose artifact names contain "api": keywords hit, no secret. */
    static final String KEYWORD_NO_SECRET =
            "[DEBUG] Resolving artifact org.apiguardian:apiguardian-api:pom:1.1.2 from [central (https://repo.example/maven2, default, releases)]";

    private PatternScanner scanner;
    private PerLineGitleaks perLine;
    private String secretLine;

    @Setup
    public void setUp() {
        RuleSet rules = BenchFiles.rules(BenchFiles.gitleaksToml());
        scanner = new PatternScanner(rules);
        perLine = new PerLineGitleaks(rules);
        secretLine = new LeakLines(7).next(LeakLines.Kind.GITHUB_PAT).lines().get(0);
        require(!perLine.anyKeyword(NO_KEYWORD), "NO_KEYWORD has a keyword");
        require(perLine.anyKeyword(KEYWORD_NO_SECRET), "KEYWORD_NO_SECRET has no keyword");
        require(scanner.scan(KEYWORD_NO_SECRET).isEmpty(), "KEYWORD_NO_SECRET has a finding");
        require(!scanner.scan(secretLine).isEmpty(), "the secret line has no finding");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    @Benchmark
    public List<?> scanNoKeyword() {
        return scanner.scan(NO_KEYWORD);
    }

    @Benchmark
    public List<?> scanKeywordNoSecret() {
        return scanner.scan(KEYWORD_NO_SECRET);
    }

    @Benchmark
    public List<?> scanSecret() {
        return scanner.scan(secretLine);
    }

    @Benchmark
    public List<?> perLineNoKeyword() {
        return perLine.scan(NO_KEYWORD);
    }

    @Benchmark
    public List<?> perLineKeywordNoSecret() {
        return perLine.scan(KEYWORD_NO_SECRET);
    }

    @Benchmark
    public List<?> perLineSecret() {
        return perLine.scan(secretLine);
    }
}
