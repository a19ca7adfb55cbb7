package dev.logredact.attach;

import dev.logredact.export.DeliveryTotals;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * What the JVM says about masking when it exits: one line on stderr, and a Markdown section in the
 * GitHub Actions step summary when {@code GITHUB_STEP_SUMMARY} is set. Counts and names only, never a
 * value.
 */
final class ExitSummary {
    private ExitSummary() {
    }

    /** What became of the redaction events, when a collector is configured. */
    static final class Events {
        final DeliveryTotals totals;
        /** Maskings the reporter could not turn into events (its queue was full). */
        final long unreported;

        Events(DeliveryTotals totals, long unreported) {
            this.totals = totals;
            this.unreported = unreported;
        }

        boolean any() {
            return totals.sent + totals.spooled + totals.deadLettered + totals.lost + unreported > 0;
        }

        /**
         * Such as {@code 5 sent (2 from other JVMs), 0 spooled, 0 dead-lettered}, then losses if any: what
         * this JVM sent includes what other JVMs left in the spool, and the line says how much.
         */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder().append(totals.sent).append(" sent");
            forOthers(sb, totals.sentForOthers).append(", ").append(totals.spooled).append(" spooled, ")
                    .append(totals.deadLettered).append(" dead-lettered");
            forOthers(sb, totals.deadLetteredForOthers);
            if (totals.lost > 0) {
                sb.append(", ").append(totals.lost).append(" lost (spool not writable)");
            }
            if (unreported > 0) {
                sb.append(", ").append(unreported).append(" maskings not reported (reporter overloaded)");
            }
            return sb.toString();
        }

        private static StringBuilder forOthers(StringBuilder sb, long records) {
            return records == 0 ? sb : sb.append(" (").append(records).append(" from other JVMs)");
        }
    }

    /**
     * The stderr line, such as {@code logredact: masked 7 secrets (github-pat x3, env:NPM_TOKEN x4) on
     * stdout, stderr; events: 7 sent, 0 spooled, 0 dead-lettered}; null when there is nothing to say, so a
     * clean JVM adds no noise to the log.
     *
     * @param events null when no collector is configured
     */
    static String line(RedactionCounts counts, long refused, long errors, Events events) {
        long total = counts.total();
        if (total == 0 && refused == 0 && errors == 0 && (events == null || !events.any())) {
            return null;
        }
        StringBuilder sb = new StringBuilder("logredact: masked ").append(total).append(total == 1 ? " secret" : " secrets");
        List<Map.Entry<String, Long>> labels = counts.labels();
        if (!labels.isEmpty()) {
            sb.append(" (");
            for (int i = 0; i < labels.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(labels.get(i).getKey()).append(" x").append(labels.get(i).getValue());
            }
            sb.append(") on ").append(String.join(", ", counts.channelNames()));
        }
        if (refused > 0) {
            sb.append("; ").append(refused).append(" secret values not masked (too short or too common, see warnings above)");
        }
        if (errors > 0) {
            sb.append("; ").append(errors).append(" internal errors, affected output withheld");
        }
        if (events != null) {
            sb.append("; events: ").append(events);
        }
        return sb.toString();
    }

    static String markdown(RedactionCounts counts, Events events) {
        StringBuilder md = new StringBuilder("### logredact\n\n");
        md.append("Masked ").append(counts.total()).append(" secrets in this step's JVM output. ")
                .append("Each one is a credential that reached a log: rotate it.\n\n");
        md.append("| rule or secret | masked |\n|---|---|\n");
        for (Map.Entry<String, Long> e : counts.labels()) {
            md.append("| `").append(e.getKey()).append("` | ").append(e.getValue()).append(" |\n");
        }
        md.append("\n| channel | masked |\n|---|---|\n");
        for (Map.Entry<String, Long> e : counts.channels()) {
            md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
        }
        if (events != null) {
            md.append("\nRedaction events for the collector: ").append(events)
                    .append(". Spooled events are sent by the next JVM that uses the same spool directory.\n");
        }
        return md.append('\n').toString();
    }

    static void print(PrintStream err, RedactionCounts counts, long refused, long errors, Events events) {
        String line = line(counts, refused, errors, events);
        if (line != null) {
            err.println(line);
            err.flush();
        }
        String stepSummary = System.getenv("GITHUB_STEP_SUMMARY");
        if (stepSummary != null && !stepSummary.isEmpty() && counts.total() > 0) {
            try {
                Files.write(Paths.get(stepSummary), markdown(counts, events).getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException | RuntimeException e) {
                err.println("logredact: could not append to GITHUB_STEP_SUMMARY (" + stepSummary + "): " + e.getMessage());
            }
        }
    }
}
