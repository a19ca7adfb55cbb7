package dev.logredact.attach;

import dev.logredact.stream.WriteBacklog;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The masking engine, built on a daemon thread when something first needs it: the first write offered to
 * the backlog, or the first hook or API call that waits for it. A JVM that writes nothing never builds
 * it, and one that does is not slowed before its first write. Once built, the backlog is replayed
 * through it on the same thread.
 */
final class LazyEngine implements Runnable {
    private static final long WAIT_SECONDS = 60;

    private final Engine.Settings settings;
    private final PrintStream err;
    private final WriteBacklog backlog;
    /** 0 until the build starts, then 1; not an AtomicBoolean, which on Java 9+ sets up VarHandles (1 ms). */
    private final AtomicInteger started = new AtomicInteger();
    /** Volatile: framework hooks read it on every log event, from many threads, without a lock. */
    private volatile Engine engine;
    private Throwable failure;
    private boolean done;
    /** The reading of the known secrets, once the build has started it; see {@link #releaseWithoutEngine}. */
    private KnownSecretsLoad secretsLoad;

    /** @param backlogLimit bytes the backlog holds before writers wait for the engine */
    LazyEngine(Engine.Settings settings, PrintStream err, int backlogLimit) {
        this.settings = settings;
        this.err = err;
        this.backlog = new WriteBacklog(backlogLimit, new Starter(this));
    }

    /** Where writes wait for the engine; the first one offered starts the build. */
    WriteBacklog backlog() {
        return backlog;
    }

    /** A class, not a lambda: the first lambda of a JVM costs milliseconds, and this is made in every one. */
    private static final class Starter implements Runnable {
        private final LazyEngine engine;

        Starter(LazyEngine engine) {
            this.engine = engine;
        }

        @Override
        public void run() {
            engine.start();
        }
    }

    /** Starts the build unless it has started. */
    void start() {
        if (started.get() == 0 && started.compareAndSet(0, 1)) {
            Thread builder = new Thread(this, "logredact-engine");
            builder.setDaemon(true);
            builder.start();
        }
    }

    @Override
    public void run() {
        backlog.replayedBy(Thread.currentThread());
        Engine built = null;
        Throwable error = null;
        try {
            KnownSecretsLoad secrets = Engine.readSecrets(settings, System.getenv());
            synchronized (this) {
                secretsLoad = secrets;
            }
            built = Engine.build(settings, secrets, err);
        } catch (Throwable t) {
            error = t;
        }
        synchronized (this) {
            engine = built;
            failure = error;
            done = true;
            notifyAll();
        }
        backlog.replay();
    }

    synchronized boolean isDone() {
        return done;
    }

    /** The engine if it was built, else null; never waits. */
    Engine builtOrNull() {
        return engine;
    }

    /**
     * The engine, started if need be, waiting at most {@link #WAIT_SECONDS}: an engine that hangs (a
     * secrets file on a stalled mount, say) must not hang the build, so the caller then withholds what
     * it holds.
     */
    Engine await() {
        Engine built = engine;
        if (built != null) {
            return built;
        }
        start();
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        try {
            synchronized (this) {
                for (long left = deadline - System.nanoTime(); !done && left > 0; left = deadline - System.nanoTime()) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (!done) {
                    throw new IllegalStateException("the masking engine did not start within " + WAIT_SECONDS + " s");
                }
                if (engine == null) {
                    throw new IllegalStateException("the masking engine failed to start", failure);
                }
                return engine;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * At exit, while the engine is still being built: writes out what the backlog holds as it is, if
     * {@link ExitClearance} proves the engine would not change it, instead of waiting for the build.
     * Waits only for the known secrets to be read (at most {@link ExitClearance#WAIT_MILLIS}). Returns
     * whether it did; if not, the caller drains as usual, through the engine.
     */
    boolean releaseWithoutEngine() {
        if (started.get() == 0) {
            // Nothing was written: nothing is held, and no build should start now.
            return false;
        }
        ExitClearance clearance = ExitClearance.of(settings, this);
        if (clearance == null) {
            return false;
        }
        KnownSecretsLoad secrets;
        synchronized (this) {
            if (done) {
                return false;
            }
            secrets = secretsLoad;
        }
        if (secrets == null) {
            // The build's thread has not got that far: reading them here is quicker than waiting for it.
            // The environment only (see ExitClearance.of), which reads alike twice and cannot hang.
            secrets = Engine.readSecretsHere(settings, System.getenv());
        }
        try {
            return secrets.foundNothing(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ExitClearance.WAIT_MILLIS))
                    && backlog.releaseUnmasked(clearance);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
