package dev.logredact.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Sends lines to the collector in capped batches until each is delivered or dead-lettered (reporting note
 * §4 rules 2-5): retries without an attempt limit, splits on 413, stops for good on 401/403.
 */
final class BatchShipper {
    private final OtlpHttpSender sender;
    private final ExportSchedule schedule;
    private final RetryPolicy retry;
    private final DeadLetters deadLetters;
    private final DeliveryCounts counts;
    private final ExportWarnings warnings;
    private final ExportSettings settings;
    private final String spoolDir;
    private volatile boolean credentialsRefused;

    BatchShipper(OtlpHttpSender sender, ExportSchedule schedule, DeadLetters deadLetters, DeliveryCounts counts,
                 ExportWarnings warnings, ExportSettings settings, String spoolDir) {
        this.sender = sender;
        this.schedule = schedule;
        this.retry = settings.retry;
        this.deadLetters = deadLetters;
        this.counts = counts;
        this.warnings = warnings;
        this.settings = settings;
        this.spoolDir = spoolDir;
    }

    /** The collector refused the credentials: nothing more is sent by this JVM. */
    boolean halted() {
        return credentialsRefused;
    }

    /**
     * Ships the lines, telling {@code resolved} the records of each batch as it is delivered or
     * dead-lettered; returns the lines left when sending had to stop (drain deadline, refused credentials).
     *
     * @param others whether another JVM spooled the lines, for the totals
     */
    List<OtlpLine> ship(List<OtlpLine> lines, boolean others, IntConsumer resolved) {
        Set<OtlpLine> open = Collections.newSetFromMap(new IdentityHashMap<OtlpLine, Boolean>());
        List<OtlpLine> toSend = new ArrayList<>();
        for (OtlpLine line : lines) {
            // An empty envelope is not sent (OTLP: senders should not), and needs nothing more.
            if (line.records > 0) {
                open.add(line);
                toSend.add(line);
            }
        }
        for (Batch batch : Batch.split(toSend, settings.batchBytes, settings.batchRecords)) {
            if (!deliver(batch, others, open, resolved)) {
                break;
            }
        }
        List<OtlpLine> left = new ArrayList<>();
        for (OtlpLine line : toSend) {
            if (open.contains(line)) {
                left.add(line);
            }
        }
        return left;
    }

    /** False when sending must stop with the batch unresolved. */
    private boolean deliver(Batch batch, boolean others, Set<OtlpLine> open, IntConsumer resolved) {
        for (int attempt = 1; ; attempt++) {
            if (credentialsRefused || !schedule.mayContinue()) {
                return false;
            }
            ExportOutcome outcome = sender.send(batch, schedule.limitMillis(settings.timeoutMillis));
            switch (outcome.kind) {
                case DELIVERED:
                    counts.sent(batch.records, others);
                    if (outcome.message != null) {
                        warnings.once("partial-success-warning", "logredact: warning: the collector accepted the events"
                                + " with a warning: " + warnings.quote(outcome.message));
                    }
                    break;
                case PARTIALLY_REJECTED:
                    long rejected = Math.min(outcome.rejected, batch.records);
                    counts.sent(batch.records - rejected, others);
                    deadLetter(batch, rejected, others, "partial", "rejected " + rejected + " of " + batch.records + " events ("
                            + warnings.quote(outcome.message) + ")");
                    break;
                case TOO_LARGE:
                    if (batch.lines.size() > 1) {
                        for (Batch half : batch.halves()) {
                            if (!deliver(half, others, open, resolved)) {
                                return false;
                            }
                        }
                        return true;
                    }
                    deadLetter(batch, batch.records, others, "413", "refused a request of one event line as too large (HTTP 413)");
                    break;
                case CREDENTIALS_REFUSED:
                    credentialsRefused = true;
                    warnings.once("credentials", "logredact: warning: collector refused the credentials (" + outcome.status
                            + "): events kept in " + spoolDir + "; check logredact.collector.headers");
                    return false;
                case REJECTED:
                    deadLetter(batch, batch.records, others, "status-" + outcome.status, "rejected " + batch.records
                            + " events (HTTP " + outcome.status + ": " + warnings.quote(outcome.message) + ")");
                    break;
                default:
                    if (!schedule.pause(retry.delayMillis(attempt, outcome.retryAfterMillis))) {
                        return false;
                    }
                    continue;
            }
            open.removeAll(batch.lines);
            resolved.accept(batch.records);
            return true;
        }
    }

    private void deadLetter(Batch batch, long records, boolean others, String kind, String what) {
        deadLetters.keep(batch.texts());
        counts.deadLettered(records, others);
        warnings.once("dead-letter-" + kind, "logredact: warning: the collector " + what + "; kept in "
                + deadLetters.dir() + " and not sent again");
    }
}
