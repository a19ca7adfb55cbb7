package dev.logredact.collector.ingest;

import dev.logredact.collector.incident.EventRecorder;
import dev.logredact.collector.incident.GroupCommit;
import dev.logredact.collector.model.RedactionEvent;
import dev.logredact.collector.store.StoreUnavailableException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * {@code POST /v1/logs}: the OTLP/HTTP logs receiver. Decodes JSON or protobuf (gzip or not, within the
 * body limit), keeps logredact's redaction events, rejects the ones it cannot store with a reason in the
 * partial success, ignores other records (counted), and answers only after the events are committed, so
 * a sender may drop what was acknowledged. Under pressure it answers 429 (too many requests in flight) or
 * 503 (the store cannot keep up), both with Retry-After.
 */
public final class LogsEndpoint implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(LogsEndpoint.class);
    private static final int MAX_MESSAGES = 3;
    static final String RETRY_AFTER_BUSY = "1";
    static final String RETRY_AFTER_STORE = "5";

    private final GroupCommit recorder;
    private final RecordReader reader;
    private final IngestCounters counters;
    private final Clock clock;
    private final int maxBodyBytes;
    private final int maxConcurrent;
    private final Semaphore inFlight;
    private final OtlpJsonDecoder json = new OtlpJsonDecoder();
    private final OtlpProtobufDecoder protobuf = new OtlpProtobufDecoder();

    public LogsEndpoint(GroupCommit recorder, SecretCheck secrets, IngestCounters counters, Clock clock,
                        int maxBodyBytes, int maxConcurrent) {
        this.recorder = recorder;
        this.reader = new RecordReader(secrets);
        this.counters = counters;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.maxConcurrent = maxConcurrent;
        this.inFlight = new Semaphore(maxConcurrent);
    }

    /** The answer to a request without the right bearer token, in the request's encoding. */
    public static void unauthorized(Context ctx) {
        ctx.header("WWW-Authenticate", "Bearer");
        OtlpReply.failure(ctx, formatOrJson(ctx), 401, OtlpReply.UNAUTHENTICATED, "a valid bearer token is required");
    }

    @Override
    public void handle(Context ctx) {
        OtlpFormat format = OtlpFormat.of(ctx.contentType());
        if (format == null) {
            OtlpReply.failure(ctx, OtlpFormat.JSON, 415, OtlpReply.INVALID_ARGUMENT,
                    "Content-Type must be application/json or application/x-protobuf");
            return;
        }
        if (!inFlight.tryAcquire()) {
            counters.refusedRequests.incrementAndGet();
            ctx.header("Retry-After", RETRY_AFTER_BUSY);
            OtlpReply.failure(ctx, format, 429, OtlpReply.RESOURCE_EXHAUSTED,
                    "more than " + maxConcurrent + " requests in flight; retry after " + RETRY_AFTER_BUSY + " s");
            return;
        }
        try {
            ingest(ctx, format);
        } finally {
            inFlight.release();
        }
    }

    private void ingest(Context ctx, OtlpFormat format) {
        List<OtlpRecord> records;
        try {
            byte[] body = RequestBody.read(ctx.bodyInputStream(), ctx.header("Content-Encoding"),
                    ctx.req().getContentLengthLong(), maxBodyBytes);
            records = format == OtlpFormat.JSON ? json.decode(body) : protobuf.decode(body);
        } catch (RequestBody.TooLargeException e) {
            OtlpReply.failure(ctx, format, 413, OtlpReply.INVALID_ARGUMENT, e.getMessage());
            return;
        } catch (RequestBody.UnsupportedEncodingException e) {
            OtlpReply.failure(ctx, format, 415, OtlpReply.INVALID_ARGUMENT, e.getMessage());
            return;
        } catch (MalformedRequestException e) {
            OtlpReply.failure(ctx, format, 400, OtlpReply.INVALID_ARGUMENT, e.getMessage());
            return;
        } catch (IOException e) {
            OtlpReply.failure(ctx, format, 400, OtlpReply.INVALID_ARGUMENT, "the body could not be read");
            return;
        }
        long receivedAt = clock.millis();
        List<RedactionEvent> events = new ArrayList<>(records.size());
        List<String> problems = new ArrayList<>();
        int ignored = 0;
        RecordReader.Batch batch = new RecordReader.Batch();
        for (OtlpRecord record : records) {
            if (!RecordReader.isRedactionEvent(record)) {
                ignored++;
                continue;
            }
            try {
                events.add(reader.read(record, receivedAt, batch));
            } catch (RejectedRecordException e) {
                problems.add(e.getMessage());
            }
        }
        EventRecorder.Recorded recorded;
        try {
            recorded = recorder.record(events);
        } catch (StoreUnavailableException e) {
            counters.refusedRequests.incrementAndGet();
            LOG.warn("refused a batch of {} events: {}", events.size(), e.getMessage());
            ctx.header("Retry-After", RETRY_AFTER_STORE);
            OtlpReply.failure(ctx, format, 503, OtlpReply.UNAVAILABLE,
                    "the store cannot take events now; retry after " + RETRY_AFTER_STORE + " s");
            return;
        } catch (RuntimeException e) {
            LOG.error("could not store a batch of {} events", events.size(), e);
            OtlpReply.failure(ctx, format, 500, OtlpReply.INTERNAL, "internal error while storing; see the collector's log");
            return;
        }
        counters.stored.addAndGet(recorded.stored());
        counters.duplicates.addAndGet(recorded.duplicates());
        counters.rejected.addAndGet(problems.size());
        counters.ignored.addAndGet(ignored);
        OtlpReply.success(ctx, format, problems.size(), message(problems, events.size() + problems.size(), ignored));
    }

    /** The partial-success message: the first few rejections, and a warning for ignored records. */
    private static String message(List<String> problems, int redactionRecords, int ignored) {
        List<String> parts = new ArrayList<>();
        if (!problems.isEmpty()) {
            StringBuilder s = new StringBuilder().append(problems.size()).append(" of ").append(redactionRecords)
                    .append(" logredact records rejected: ")
                    .append(String.join("; ", problems.subList(0, Math.min(MAX_MESSAGES, problems.size()))));
            if (problems.size() > MAX_MESSAGES) {
                s.append("; and ").append(problems.size() - MAX_MESSAGES).append(" more");
            }
            parts.add(s.toString());
        }
        if (ignored > 0) {
            parts.add(ignored == 1 ? "1 record is not a logredact event and was ignored"
                    : ignored + " records are not logredact events and were ignored");
        }
        return parts.isEmpty() ? null : String.join(". ", parts);
    }

    private static OtlpFormat formatOrJson(Context ctx) {
        OtlpFormat format = OtlpFormat.of(ctx.contentType());
        return format == null ? OtlpFormat.JSON : format;
    }
}
