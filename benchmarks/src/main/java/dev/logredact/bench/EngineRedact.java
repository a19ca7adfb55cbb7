package dev.logredact.bench;

import dev.logredact.mask.Redactor;
import java.io.IOException;

/**
 * Stand-in for variant (a) while the CLI ({@code logredact-agent.jar redact}) does not exist: the
 * product's {@link Redactor} applied to each line, with the same line reader and writer as the
 * baselines. Remove it once the CLI can be measured.
 *
 * <p>{@code java -cp benchmarks.jar dev.logredact.bench.EngineRedact --rules gitleaks.toml <in >out}
 */
public final class EngineRedact {
    private EngineRedact() {
    }

    public static void main(String[] args) throws IOException {
        Redactor redactor = Redactor.builder(BenchFiles.rulesOption(args)).build();
        LineFilter.run(redactor::redactLine);
    }
}
