package dev.logredact.export;

/**
 * The delivery half of reporting: takes encoded events, keeps them on disk until a collector has
 * acknowledged them, and says at exit what became of them. The encoding half ({@code Reporter}) calls it
 * from its own thread, never from a thread that writes application output.
 */
public interface EventExport {
    /**
     * One event batch as one OTLP/JSON line, {@code {"resourceLogs":[...]}} without a line break, as the
     * OTLP file exporter writes it, holding {@code records} log records (the unit every total counts). It is
     * on disk (or counted as lost, with a warning) when this returns.
     */
    void append(String otlpJsonLine, int records);

    /**
     * At exit: ships what it can within {@code millis}, leaves the rest in the spool for a later JVM, and
     * returns the totals for the exit summary. Never throws and never waits longer than asked.
     */
    DeliveryTotals drain(long millis);
}
