package dev.logredact.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The body of the {@code logredact-export} thread: at start and then whenever woken or every scan
 * interval, one pass that seals this JVM's old open segment, takes over segments of dead JVMs, ships
 * every sealed segment oldest first (one at a time, each under its lock), then the memory backlog.
 */
final class ExportLoop implements Runnable {
    private final SpoolDirectory directory;
    private final SpoolWriter writer;
    private final BatchShipper shipper;
    private final MemoryBacklog backlog;
    private final ExportSchedule schedule;
    private final DeadLetters deadLetters;
    private final ExportWarnings warnings;
    private final long scanMillis;

    ExportLoop(SpoolDirectory directory, SpoolWriter writer, BatchShipper shipper, MemoryBacklog backlog,
               ExportSchedule schedule, DeadLetters deadLetters, ExportWarnings warnings, long scanMillis) {
        this.directory = directory;
        this.writer = writer;
        this.shipper = shipper;
        this.backlog = backlog;
        this.schedule = schedule;
        this.deadLetters = deadLetters;
        this.warnings = warnings;
        this.scanMillis = scanMillis;
    }

    @Override
    public void run() {
        try {
            do {
                boolean drainPass = schedule.beginPass();
                try {
                    pass();
                } catch (Throwable t) {
                    warnings.once("export-error", "logredact: warning: event export failed (" + t + "); events stay in "
                            + directory.dir);
                }
                schedule.endPass(drainPass);
            } while (schedule.awaitWork(scanMillis));
        } catch (Throwable ignored) {
            // A daemon thread of the agent: nothing may escape into the application's uncaught handler.
        }
    }

    private void pass() throws IOException {
        writer.sealIfOlderThanMax();
        if (shipper.halted()) {
            return;
        }
        directory.sealAbandoned();
        for (Path segment : directory.sealed()) {
            if (shipper.halted() || !schedule.mayContinue()) {
                return;
            }
            ship(segment);
        }
        List<OtlpLine> memory = backlog.takeAll();
        if (!memory.isEmpty()) {
            backlog.putBack(shipper.ship(memory, false, backlog::resolved));
        }
    }

    private void ship(Path path) {
        try (ClaimedSegment segment = ClaimedSegment.claim(path)) {
            if (segment == null) {
                return;
            }
            ClaimedSegment.Contents contents = segment.read();
            if (contents.torn) {
                warnings.print("logredact: warning: dropped an unfinished event line at the end of " + path
                        + " (its JVM stopped while writing it)");
            }
            if (!contents.malformed.isEmpty()) {
                deadLetters.keep(contents.malformed);
                warnings.print("logredact: warning: " + contents.malformed.size() + " lines of " + path
                        + " are not OTLP JSON events; kept in " + deadLetters.dir() + " and not sent");
            }
            boolean own = directory.isOwn(path);
            IntConsumer resolved = own ? records -> writer.resolved(path, records) : records -> { };
            List<OtlpLine> left = shipper.ship(contents.lines, !own, resolved);
            boolean changed = left.size() < contents.lines.size() || !contents.clean();
            if (left.isEmpty() || changed) {
                if (!left.isEmpty()) {
                    // The rest goes to a new segment, so what was resolved is not sent again.
                    writer.respool(left, path);
                }
                segment.delete();
                writer.forget(path);
            }
        } catch (IOException e) {
            warnings.once("spool-read", "logredact: warning: could not ship the event spool segment " + path + " ("
                    + e + "); it stays for a later attempt");
        }
    }
}
