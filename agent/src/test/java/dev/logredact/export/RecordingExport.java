package dev.logredact.export;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EventExport} of the tests' own that keeps every line it is given, and can be made as slow
 * as a stalled disk or collector: {@link #hold()} makes {@code append} wait until {@link #release()}.
 */
public final class RecordingExport implements EventExport {
    private final List<String> lines = new ArrayList<>();
    private long records;
    private long drainedWithin = -1;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final CountDownLatch firstAppend = new CountDownLatch(1);

    @Override
    public void append(String otlpJsonLine, int records) {
        firstAppend.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            lines.add(otlpJsonLine);
            this.records += records;
        }
    }

    @Override
    public synchronized DeliveryTotals drain(long millis) {
        drainedWithin = millis;
        return new DeliveryTotals(records, 0, 0, 0, 0, 0);
    }

    /** The bound of the last drain, or -1. */
    public synchronized long drainedWithin() {
        return drainedWithin;
    }

    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    /** Waits until some thread is inside {@code append} (or has been). */
    public boolean awaitAppend(long seconds) throws InterruptedException {
        return firstAppend.await(seconds, TimeUnit.SECONDS);
    }

    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    public synchronized long records() {
        return records;
    }
}
