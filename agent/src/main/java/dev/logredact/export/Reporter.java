package dev.logredact.export;

import dev.logredact.mask.Span;
import dev.logredact.stream.WritingThread;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Turns every masking into an event for the collector without ever holding up the thread that writes.
 *
 * <p>The writing thread only offers a small event to a bounded queue. When the queue is full, the
 * masking is counted into a bounded map of repeats instead; when that is full too, it is counted as
 * dropped, and the exit summary says so. The daemon thread {@value #THREAD} takes the events, merges
 * repeats within a window ({@link Coalescer}), numbers what it emits ({@code event.seq}, monotonic per
 * JVM, and a random {@code log.record.uid}), encodes batches as OTLP/JSON lines ({@link OtlpJson}) and
 * hands them to the {@link EventExport}, which may take its time: only this thread waits for it.
 */
public final class Reporter {
    public static final String THREAD = "logredact-reporter";
    static final int QUEUE = 2048;
    static final int OVERFLOW_KEYS = 1024;
    static final long WINDOW_MILLIS = 1000;
    /** More keys than this within one window are let go early: the coalescer stays small. */
    static final int PENDING_KEYS = 4096;
    private static final long IDLE_MILLIS = 60_000;

    /** Offered to wake the thread for a flush; never reported. */
    private static final RedactionEvent WAKE = RedactionEvent.of(new Span(0, 0, "", Span.Kind.PATTERN, null, "", ""),
            "", null, "", 0);

    private final EventExport export;
    private final Supplier<OtlpJson> encoderFactory;
    private final LongSupplier clock;
    private final PrintStream err;
    private final BlockingQueue<RedactionEvent> queue;
    private final Map<RedactionEvent.Key, RedactionEvent> overflow = new ConcurrentHashMap<>();
    private final int overflowKeys;
    private final Coalescer coalescer;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong reported = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();
    private final AtomicReference<CountDownLatch> flushRequest = new AtomicReference<>();
    private OtlpJson encoder;
    private long seq;

    Reporter(EventExport export, Supplier<OtlpJson> encoderFactory, LongSupplier clock, PrintStream err,
             int queueCapacity, int overflowKeys, long windowMillis) {
        this.export = export;
        this.encoderFactory = encoderFactory;
        this.clock = clock;
        this.err = err;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.overflowKeys = overflowKeys;
        this.coalescer = new Coalescer(windowMillis, PENDING_KEYS);
    }

    /**
     * Starts reporting to {@code export}.
     *
     * @param version the agent's, for {@code service.version} and the scope
     * @param environment for the CI context (read on the reporter's thread)
     * @param scrub masks a text from the application or environment before it goes into an event
     * @param err for the one warning should reporting itself fail
     */
    public static Reporter start(EventExport export, String version, Map<String, String> environment,
                                 UnaryOperator<String> scrub, PrintStream err) {
        Reporter r = new Reporter(export, () -> new OtlpJson(AgentResource.of(version, environment), version, scrub),
                System::currentTimeMillis, err, QUEUE, OVERFLOW_KEYS, WINDOW_MILLIS);
        r.startThread();
        return r;
    }

    void startThread() {
        Thread t = new Thread(this::run, THREAD);
        t.setDaemon(true);
        t.start();
    }

    /**
     * Called on the writing thread for every mask written: never blocks and allocates one small event.
     *
     * @param logger the emitting logger's name, or null
     */
    public void redacted(Span span, String channel, String logger) {
        RedactionEvent e = RedactionEvent.of(span, channel, logger, WritingThread.name(),
                clock.getAsLong() * 1_000_000L);
        if (!queue.offer(e)) {
            overflow(e);
        }
    }

    /** The queue is full: count the masking into the repeats map, or as dropped. */
    private void overflow(RedactionEvent e) {
        RedactionEvent kept = overflow.compute(e.key(), (k, held) -> held != null ? held.withCount(held.count + 1)
                : overflow.size() < overflowKeys ? e : null);
        if (kept == null) {
            dropped.incrementAndGet();
        }
    }

    /**
     * At exit: hands everything held to the export, waiting at most {@code millis}. True when done in
     * time; else what is still held is lost with the JVM (and nothing waits for it).
     */
    public boolean flush(long millis) {
        CountDownLatch done = new CountDownLatch(1);
        flushRequest.set(done);
        // A full queue means the thread is busy and sees the request when its round ends.
        queue.offer(WAKE);
        try {
            return done.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Maskings not reported: the queue and the repeats map were full, or an event could not be encoded. */
    public long dropped() {
        return dropped.get();
    }

    /** Events (log records) handed to the export so far. */
    public long reported() {
        return reported.get();
    }

    private void run() {
        List<RedactionEvent> taken = new ArrayList<>();
        while (true) {
            try {
                round(taken);
            } catch (InterruptedException e) {
                // Nobody should interrupt this thread; it has nothing to give up, so it goes on.
            } catch (Throwable t) {
                // Never let the thread die: later events still deserve a try.
                warnOnce(t);
            }
        }
    }

    private void round(List<RedactionEvent> taken) throws InterruptedException {
        CountDownLatch flush = flushRequest.get();
        RedactionEvent first = flush != null ? queue.poll() : queue.poll(waitMillis(), TimeUnit.MILLISECONDS);
        // Read again after the wait: a flush that woke the thread must be seen before the queue is drained.
        flush = flushRequest.get();
        long now = clock.getAsLong();
        taken.clear();
        if (first != null) {
            taken.add(first);
        }
        queue.drainTo(taken);
        for (RedactionEvent e : taken) {
            if (e != WAKE) {
                coalescer.add(e, now);
            }
        }
        for (RedactionEvent.Key key : overflow.keySet()) {
            RedactionEvent e = overflow.remove(key);
            if (e != null) {
                coalescer.add(e, now);
            }
        }
        try {
            emit(flush != null ? coalescer.all() : coalescer.due(now), now);
        } finally {
            if (flush != null) {
                // A newer request stays for the next round.
                flushRequest.compareAndSet(flush, null);
                flush.countDown();
            }
        }
    }

    /** Until the oldest held event is due; when none is held, a long sleep that an event or a flush ends. */
    private long waitMillis() {
        long due = coalescer.millisToNextDue(clock.getAsLong());
        return due < 0 ? IDLE_MILLIS : due;
    }

    private void emit(List<RedactionEvent> events, long nowMillis) {
        if (events.isEmpty()) {
            return;
        }
        List<RedactionEvent> numbered = new ArrayList<>(events.size());
        for (RedactionEvent e : events) {
            numbered.add(e.numbered(++seq, UUID.randomUUID()));
        }
        List<OtlpJson.Line> lines;
        try {
            if (encoder == null) {
                encoder = encoderFactory.get();
            }
            lines = encoder.lines(numbered, nowMillis * 1_000_000L);
        } catch (RuntimeException e) {
            for (RedactionEvent lost : numbered) {
                dropped.addAndGet(lost.count);
            }
            throw e;
        }
        for (OtlpJson.Line line : lines) {
            try {
                export.append(line.json, line.records);
                reported.addAndGet(line.records);
            } catch (RuntimeException e) {
                dropped.addAndGet(line.maskings);
                warnOnce(e);
            }
        }
    }

    private void warnOnce(Throwable t) {
        if (warned.compareAndSet(false, true)) {
            err.println("logredact: warning: redaction events could not be reported (" + t.getClass().getName()
                    + "); masking goes on");
        }
    }
}
