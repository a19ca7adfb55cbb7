package dev.logredact.export;

import java.time.Clock;

/** The exporter's sizes and waits; tests shrink them so that every path runs in milliseconds. */
final class ExportSettings {
    /** A segment is sealed, and can be shipped, at this size ... */
    long segmentBytes = 256 * 1024;
    /** ... or this long after its first line. */
    long segmentAgeMillis = 1000;
    /** How often the spool is looked at when nothing wakes the export thread (other JVMs' leftovers). */
    long scanMillis = 1000;
    /** Caps of one request (reporting note §4 rule 4). */
    long batchBytes = 1024 * 1024;
    int batchRecords = 512;
    /** To connect, and between reads of the response (OTLP exporters' default). */
    int timeoutMillis = 10 * 1000;
    /** Lines kept in memory when the spool cannot be written (UTF-16 chars). */
    long backlogChars = 4 * 1024 * 1024;
    RetryPolicy retry = RetryPolicy.standard();
    /** For {@code Retry-After} dates. */
    Clock clock = Clock.systemUTC();
}
