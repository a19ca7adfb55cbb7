package dev.logredact.collector.ingest;

import java.util.concurrent.atomic.AtomicLong;

/** What the receiver did since start, by record: stored, duplicate, rejected, ignored; refused requests. */
public final class IngestCounters {
    final AtomicLong stored = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong ignored = new AtomicLong();
    final AtomicLong refusedRequests = new AtomicLong();

    public long stored() {
        return stored.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public long ignored() {
        return ignored.get();
    }

    /** Requests answered 429 or 503: the sender will retry them. */
    public long refusedRequests() {
        return refusedRequests.get();
    }
}
