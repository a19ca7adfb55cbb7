package dev.logredact.export;

/** What became of this JVM's events (log records): the numbers the exit summary prints. */
public final class DeliveryTotals {
    /** Acknowledged by the collector (2xx, nothing rejected). */
    public final long sent;
    /** Still on disk in the spool directory, for a later JVM to ship. */
    public final long spooled;
    /** Refused for good by the collector, kept in the dead-letter folder. */
    public final long deadLettered;
    /** Could not even be written to the spool (full or unwritable disk). */
    public final long lost;

    public DeliveryTotals(long sent, long spooled, long deadLettered, long lost) {
        this.sent = sent;
        this.spooled = spooled;
        this.deadLettered = deadLettered;
        this.lost = lost;
    }
}
