package dev.logredact.collector.incident;

import dev.logredact.collector.model.RedactionEvent;
import dev.logredact.collector.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One writer thread stores the batches of all concurrent requests, as many as are waiting in one
 * transaction: one commit and no lock hand-over between request threads per batch. A request waits for
 * its own batch's commit, at most the store timeout (then 503; if the commit still happens, the sender's
 * resend is a duplicate the store drops). A group that fails for a reason other than a busy store is
 * retried batch by batch, so one bad batch fails alone.
 */
public final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_GROUP_EVENTS = 10_000;

    private final EventRecorder recorder;
    private final Duration timeout;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    private record Pending(List<RedactionEvent> events, CompletableFuture<EventRecorder.Recorded> done) {
    }

    public GroupCommit(EventRecorder recorder, Duration timeout) {
        this.recorder = recorder;
        this.timeout = timeout;
        this.writer = new Thread(this::run, "logredact-store-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Stores {@code batch} and returns what became of it once committed.
     *
     * @throws StoreUnavailableException when the store did not take it within the timeout
     */
    public EventRecorder.Recorded record(List<RedactionEvent> batch) {
        if (batch.isEmpty()) {
            return new EventRecorder.Recorded(0, 0);
        }
        if (closed) {
            throw new StoreUnavailableException("the collector is stopping", null);
        }
        Pending pending = new Pending(batch, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("the store did not take the batch within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the store", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        while (!closed || !queue.isEmpty()) {
            List<Pending> group = new ArrayList<>();
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int events = first.events().size();
                for (Pending next; events < MAX_GROUP_EVENTS && (next = queue.poll()) != null; ) {
                    group.add(next);
                    events += next.events().size();
                }
                store(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                group.forEach(p -> p.done().completeExceptionally(new StoreUnavailableException("the collector is stopping", e)));
                return;
            } catch (Throwable t) {
                // The writer must outlive anything one group does to it.
                LOG.error("the store writer failed on a group of {} batches", group.size(), t);
                group.forEach(p -> p.done().completeExceptionally(t));
            }
        }
    }

    private void store(List<Pending> group) {
        try {
            List<EventRecorder.Recorded> results = recorder.recordAll(group.stream().map(Pending::events).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).done().complete(results.get(i));
            }
        } catch (StoreUnavailableException e) {
            group.forEach(p -> p.done().completeExceptionally(e));
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).done().completeExceptionally(e);
                return;
            }
            for (Pending p : group) {
                store(List.of(p));
            }
        }
    }

    /** Stores what is queued, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(timeout.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
