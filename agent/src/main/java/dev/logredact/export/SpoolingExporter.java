package dev.logredact.export;

import dev.logredact.cli.Version;

import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * {@link EventExport} over a spool directory and OTLP/HTTP: {@code append} writes to this JVM's spool
 * segment (the caller waits for one file append, nothing more), the {@code logredact-export} daemon thread
 * ships sealed segments, this JVM's and those earlier or other JVMs left, and {@code drain} gives it a
 * deadline at exit. Delivery is at least once: a segment is deleted only after the collector took it.
 * One exporter per JVM and spool directory (file locks belong to the process).
 */
public final class SpoolingExporter implements EventExport {
    private final Path spoolDir;
    private final SpoolWriter writer;
    private final MemoryBacklog backlog;
    private final ExportSchedule schedule;
    private final DeliveryCounts counts;
    private final ExportWarnings warnings;

    private SpoolingExporter(Path spoolDir, SpoolWriter writer, MemoryBacklog backlog, ExportSchedule schedule,
                             DeliveryCounts counts, ExportWarnings warnings) {
        this.spoolDir = spoolDir;
        this.writer = writer;
        this.backlog = backlog;
        this.schedule = schedule;
        this.counts = counts;
        this.warnings = warnings;
    }

    /**
     * Starts exporting to {@code logsUrl} (such as {@code {endpoint}/v1/logs}) with {@code headers} (values
     * never printed), spooling in
     * {@code spoolDir} (created on the first event, owner-only). Everything it prints goes to {@code warnings}
     * through {@code masker}, because a collector's message may echo data. Does no I/O itself.
     *
     * @throws IllegalArgumentException when the URL is not an http or https URL
     */
    public static SpoolingExporter start(URI logsUrl, Map<String, String> headers, Path spoolDir,
                                         UnaryOperator<String> masker, PrintStream warnings) {
        return start(logsUrl, headers, spoolDir, masker, warnings, new ExportSettings());
    }

    static SpoolingExporter start(URI logsUrl, Map<String, String> headers, Path spoolDir, UnaryOperator<String> masker,
                                  PrintStream out, ExportSettings settings) {
        ExportWarnings warnings = new ExportWarnings(out, masker);
        String instance = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        SpoolDirectory directory = new SpoolDirectory(spoolDir, instance);
        ExportSchedule schedule = new ExportSchedule();
        DeliveryCounts counts = new DeliveryCounts();
        SpoolWriter writer = new SpoolWriter(directory, settings.segmentBytes,
                TimeUnit.MILLISECONDS.toNanos(settings.segmentAgeMillis), schedule);
        DeadLetters deadLetters = new DeadLetters(spoolDir.resolve("dead-letter"), instance, warnings);
        OtlpHttpSender sender;
        try {
            sender = new OtlpHttpSender(logsUrl, headers, "logredact-agent/" + Version.current(), settings.clock);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("the collector endpoint is not an http or https URL", e);
        }
        BatchShipper shipper = new BatchShipper(sender, schedule, deadLetters, counts, warnings, settings,
                spoolDir.toString());
        MemoryBacklog backlog = new MemoryBacklog(settings.backlogChars);
        Thread thread = new Thread(new ExportLoop(directory, writer, shipper, backlog, schedule, deadLetters, warnings,
                settings.scanMillis), "logredact-export");
        thread.setDaemon(true);
        thread.start();
        return new SpoolingExporter(spoolDir, writer, backlog, schedule, counts, warnings);
    }

    @Override
    public void append(String otlpJsonLine, int records) {
        try {
            try {
                writer.append(otlpJsonLine, records);
                return;
            } catch (IOException | RuntimeException e) {
                warnings.once("spool-write", "logredact: warning: cannot write the event spool " + spoolDir + " (" + e
                        + "); events are sent from memory and lost if they cannot be sent before the JVM exits");
            }
            OtlpLine line = OtlpLine.parse(otlpJsonLine);
            if (line != null && backlog.offer(line)) {
                schedule.wake();
            } else {
                counts.lost.addAndGet(records);
            }
        } catch (Throwable t) {
            counts.lost.addAndGet(records);
        }
    }

    @Override
    public DeliveryTotals drain(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, Math.min(millis, TimeUnit.DAYS.toMillis(1))));
        try {
            writer.seal();
        } catch (Throwable t) {
            warnings.once("spool-seal", "logredact: warning: could not seal the event spool segment in " + spoolDir
                    + " (" + t + "); a later JVM ships it");
        }
        try {
            schedule.drain(deadline);
        } catch (Throwable ignored) {
            // The totals below are still true.
        }
        return totals();
    }

    private DeliveryTotals totals() {
        long spooled;
        try {
            spooled = writer.recordsOnDisk();
        } catch (Throwable t) {
            spooled = 0;
        }
        return new DeliveryTotals(counts.sent.get(), spooled, counts.deadLettered.get(),
                counts.lost.get() + backlog.pendingRecords(), counts.sentForOthers.get(), counts.deadLetteredForOthers.get());
    }
}
