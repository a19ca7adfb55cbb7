package dev.logredact.export;

import java.util.concurrent.TimeUnit;

/**
 * When the export thread works, waits and stops; the one monitor it shares with {@code append} (which
 * wakes it) and {@code drain} (which gives it a deadline, then stops it). Every wait is bounded.
 */
final class ExportSchedule {
    private boolean woken;
    private boolean draining;
    private long deadlineNanos;
    private boolean drainPassDone;
    /** A retry would have waited past the drain's deadline: nothing more is tried. */
    private boolean drainGivenUp;
    private boolean closed;

    /** There is something new to send. */
    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** At the start of a pass over the spool: whether it is one that {@link #drain} waits for. */
    synchronized boolean beginPass() {
        woken = false;
        return draining;
    }

    synchronized void endPass(boolean drainPass) {
        if (drainPass) {
            drainPassDone = true;
            notifyAll();
        }
    }

    /** Between passes: waits until woken or {@code millis} passed; false once stopped or interrupted. */
    synchronized boolean awaitWork(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!closed && !woken && waitUntil(end)) {
            // Woken early or spuriously: look again.
        }
        return !closed && !Thread.currentThread().isInterrupted();
    }

    /**
     * Whether sending may go on: not stopped, the drain neither past its deadline nor given up, and the
     * export thread not interrupted (its waits would no longer wait).
     */
    synchronized boolean mayContinue() {
        return !closed && !drainGivenUp && !(draining && System.nanoTime() - deadlineNanos >= 0)
                && !Thread.currentThread().isInterrupted();
    }

    /**
     * Waits before a retry; false when nothing more is to be tried. A drain that begins meanwhile cuts the
     * wait short (the exit is the last chance to send). During a drain, a wait that would end past its
     * deadline is not begun: the exit is not held for nothing, and a collector's {@code Retry-After} is
     * respected; the next JVM ships what is left.
     */
    synchronized boolean pause(long millis) {
        boolean drainingBefore = draining;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        if (draining && end - deadlineNanos > 0) {
            drainGivenUp = true;
            return false;
        }
        while (!closed && draining == drainingBefore && waitUntil(end)) {
            // Notified: a drain may have begun.
        }
        return !closed;
    }

    /** A request's time limit: {@code configured}, or what is left of a drain when that is less (at least 1). */
    synchronized int limitMillis(int configured) {
        if (!draining) {
            return configured;
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        return (int) Math.max(1, Math.min(configured, left));
    }

    /**
     * For {@code drain}: lets the thread make one full pass that ends by {@code deadlineNanos} (it may be
     * blocked in a request longer; this returns at the deadline regardless), then stops it.
     */
    synchronized void drain(long deadlineNanos) {
        if (!closed) {
            this.deadlineNanos = deadlineNanos;
            draining = true;
            woken = true;
            notifyAll();
            while (!drainPassDone && waitUntil(deadlineNanos)) {
                // Notified: check whether the pass is done.
            }
        }
        closed = true;
        notifyAll();
    }

    /** Waits on this monitor until notified or {@code endNanos}; false when that time has come. */
    private boolean waitUntil(long endNanos) {
        long left = endNanos - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        try {
            TimeUnit.NANOSECONDS.timedWait(this, left);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
