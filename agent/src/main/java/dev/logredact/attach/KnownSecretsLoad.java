package dev.logredact.attach;

import dev.logredact.secrets.EnvGlobs;
import dev.logredact.secrets.KnownSecret;
import dev.logredact.secrets.SecretRegistry;
import dev.logredact.secrets.SecretSources;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The known secrets of the environment and the secrets file, read on a thread of their own while the
 * engine's rules load. At a JVM's exit both are waited for, and a CI job's hundred variables take
 * milliseconds interpreted. This thread writes nothing: its warnings are printed by the engine's thread,
 * since a write here would wait for the engine, which waits for this thread.
 */
final class KnownSecretsLoad implements Runnable {
    private final Engine.Settings settings;
    private final Map<String, String> environment;
    private final SecretRegistry registry;
    private final List<String> warnings = new ArrayList<>();
    private int refused;
    private Throwable failure;
    private Thread thread;

    private KnownSecretsLoad(Engine.Settings settings, Map<String, String> environment, SecretRegistry registry) {
        this.settings = settings;
        this.environment = environment;
        this.registry = registry;
    }

    /** Starts reading into {@code registry}; on this thread if no thread can be started. */
    static KnownSecretsLoad start(Engine.Settings settings, Map<String, String> environment, SecretRegistry registry) {
        KnownSecretsLoad load = new KnownSecretsLoad(settings, environment, registry);
        try {
            Thread t = new Thread(load, "logredact-secrets");
            t.setDaemon(true);
            t.start();
            load.thread = t;
        } catch (Throwable e) {
            load.run();
        }
        return load;
    }

    @Override
    public void run() {
        try {
            EnvGlobs globs;
            try {
                globs = settings.secretsEnv == null ? EnvGlobs.defaults() : EnvGlobs.parse(settings.secretsEnv);
            } catch (IllegalArgumentException e) {
                warnings.add("logredact: " + e.getMessage() + "; using the built-in variable names instead");
                globs = EnvGlobs.defaults();
            }
            add(SecretSources.fromEnvironment(environment, globs, settings.minLength));
            if (settings.secretsFile != null) {
                try {
                    add(SecretSources.fromFile(settings.secretsFile, settings.minLength));
                } catch (IOException e) {
                    warnings.add("logredact: logredact.secrets.file: " + e.getMessage());
                }
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    private void add(SecretSources.Collected collected) {
        for (SecretSources.Refused r : collected.refused()) {
            refused++;
            warnings.add("logredact: warning: not masking " + r.label() + ": " + r.reason());
        }
        for (KnownSecret secret : collected.accepted()) {
            String reason = registry.register(secret);
            if (reason != null) {
                refused++;
                warnings.add("logredact: warning: not masking " + secret.label() + ": " + reason);
            }
        }
    }

    /**
     * Waits for the reading to end, prints its warnings and returns how many values it refused.
     *
     * @throws IllegalStateException if the reading failed: the engine must not start without them
     */
    int await(PrintStream err) {
        boolean interrupted = false;
        while (thread != null) {
            try {
                thread.join();
                thread = null;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (String warning : warnings) {
            err.println(warning);
        }
        if (failure != null) {
            throw new IllegalStateException("the known secrets could not be read", failure);
        }
        return refused;
    }
}
