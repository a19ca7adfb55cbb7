package dev.logredact.cli;

import dev.logredact.secrets.EnvGlobs;
import dev.logredact.secrets.KnownSecret;
import dev.logredact.secrets.SecretRegistry;
import dev.logredact.secrets.SecretSources;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** Where {@code redact} takes known secret values from: as the agent does, the environment by default. */
final class SecretOptions {
    /** Values learned from rule findings in one run, at most. */
    private static final int MAX_LEARNED = 1000;
    private static final int MAX_LEARNED_CHARS = 256 * 1024;

    @Option(names = "--secrets-env", paramLabel = "GLOBS",
            description = "environment variables whose values are secrets: comma list of globs, 'default' "
                    + "(the built-in names such as *TOKEN*, *SECRET*, *PASSWORD*) or 'none' (default: default)")
    String env;

    @Option(names = "--secrets-file", paramLabel = "FILE",
            description = "file of secret values, one per line, or a JSON array of strings")
    Path file;

    @Option(names = "--secrets-min-length", paramLabel = "N", defaultValue = "6",
            description = "shorter values are refused, with a warning naming them (default: ${DEFAULT-VALUE})")
    int minLength;

    /** The registry with every accepted value; each refusal is one warning on {@code err}, never the value. */
    SecretRegistry load(PrintStream err) {
        if (minLength < 1) {
            throw new CliException("--secrets-min-length must be at least 1");
        }
        SecretRegistry registry = new SecretRegistry(minLength, MAX_LEARNED, MAX_LEARNED_CHARS);
        EnvGlobs globs;
        try {
            globs = env == null ? EnvGlobs.defaults() : EnvGlobs.parse(env);
        } catch (IllegalArgumentException e) {
            throw new CliException("--secrets-env: " + e.getMessage());
        }
        add(registry, SecretSources.fromEnvironment(System.getenv(), globs, minLength), err);
        if (file != null) {
            try {
                add(registry, SecretSources.fromFile(file, minLength), err);
            } catch (IOException e) {
                throw new CliException("--secrets-file: " + e.getMessage());
            }
        }
        return registry;
    }

    private static void add(SecretRegistry registry, SecretSources.Collected collected, PrintStream err) {
        for (SecretSources.Refused refused : collected.refused()) {
            err.println("logredact: warning: not masking " + refused.label() + ": " + refused.reason());
        }
        for (KnownSecret secret : collected.accepted()) {
            String refused = registry.register(secret);
            if (refused != null) {
                err.println("logredact: warning: not masking " + secret.label() + ": " + refused);
            }
        }
    }
}
