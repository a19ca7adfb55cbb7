package dev.logredact.attach;

import dev.logredact.secrets.SecretRegistry;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The engine's secret registry, once the engine is built: what the public API registers values in. */
final class EngineRegistry implements Future<SecretRegistry> {
    private final Future<Engine> engine;

    EngineRegistry(Future<Engine> engine) {
        this.engine = engine;
    }

    @Override
    public SecretRegistry get() throws InterruptedException, ExecutionException {
        return engine.get().secrets();
    }

    @Override
    public SecretRegistry get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return engine.get(timeout, unit).secrets();
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean isDone() {
        return engine.isDone();
    }
}
