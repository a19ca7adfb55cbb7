package dev.logredact.export;

/**
 * What this JVM's exporter did with event records by the exit: the numbers the exit summary prints.
 * {@code sent} and {@code deadLettered} count every record this JVM resolved, including those other JVMs
 * left in the shared spool (earlier JVMs that exited before sending them, or a live one whose sealed
 * segment this JVM claimed first); the {@code ForOthers} fields say how many of them those were.
 */
public final class DeliveryTotals {
    /** Acknowledged by the collector (2xx, nothing rejected), sent by this JVM. */
    public final long sent;
    /** This JVM's records still on disk in the spool directory, for a later JVM to ship. */
    public final long spooled;
    /** Refused for good by the collector when this JVM sent them, kept in the dead-letter folder. */
    public final long deadLettered;
    /** This JVM's records that could not even be written to the spool (full or unwritable disk) nor sent. */
    public final long lost;
    /** Of {@link #sent}: records other JVMs spooled. */
    public final long sentForOthers;
    /** Of {@link #deadLettered}: records other JVMs spooled. */
    public final long deadLetteredForOthers;

    public DeliveryTotals(long sent, long spooled, long deadLettered, long lost, long sentForOthers,
                          long deadLetteredForOthers) {
        this.sent = sent;
        this.spooled = spooled;
        this.deadLettered = deadLettered;
        this.lost = lost;
        this.sentForOthers = sentForOthers;
        this.deadLetteredForOthers = deadLetteredForOthers;
    }
}
