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
import java.util.concurrent.TimeUnit;

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
    /** Set when the reading has ended, under this object's lock: {@link #foundNothing} waits on it from another thread. */
    private boolean done;

    private KnownSecretsLoad(Engine.Settings settings, Map<String, String> environment, SecretRegistry registry) {
        this.settings = settings;
        this.environment = environment;
        this.registry = registry;
    }

    /** Reads into {@code registry} on this thread. */
    static KnownSecretsLoad readHere(Engine.Settings settings, Map<String, String> environment, SecretRegistry registry) {
        KnownSecretsLoad load = new KnownSecretsLoad(settings, environment, registry);
        load.run();
        return load;
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
        } finally {
            synchronized (this) {
                done = true;
                notifyAll();
            }
        }
    }

    /**
     * Waits for the reading to end, at most until {@code deadline} ({@link System#nanoTime}), and tells
     * whether it ended having found nothing at all: no secret, no refusal, no warning to print. Prints
     * nothing; for a JVM that exits before the engine that {@link #await}s this is built.
     */
    synchronized boolean foundNothing(long deadline) throws InterruptedException {
        for (long left = deadline - System.nanoTime(); !done && left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return done && failure == null && warnings.isEmpty() && registry.size() == 0;
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

    /** Where the secrets read go. */
    SecretRegistry registry() {
        return registry;
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
