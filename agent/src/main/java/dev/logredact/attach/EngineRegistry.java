package dev.logredact.attach;

import dev.logredact.secrets.SecretRegistry;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The engine's secret registry, once the engine is built: what the public API registers values in. */
final class EngineRegistry implements Future<SecretRegistry> {
    private final LazyEngine engine;

    EngineRegistry(LazyEngine engine) {
        this.engine = engine;
    }

    /** Starts the engine's build if need be; waits for it boundedly. */
    @Override
    public SecretRegistry get() throws ExecutionException {
        try {
            return engine.await().secrets();
        } catch (IllegalStateException e) {
            throw new ExecutionException(e.getMessage(), e.getCause());
        }
    }

    @Override
    public SecretRegistry get(long timeout, TimeUnit unit) throws ExecutionException {
        return get();
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
