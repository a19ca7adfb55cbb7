package dev.logredact.export;

import java.util.concurrent.atomic.AtomicLong;

/** Records this JVM's exporter has seen through: what {@link DeliveryTotals} reports besides the spool. */
final class DeliveryCounts {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    /** Of {@link #sent}: records other JVMs spooled. */
    final AtomicLong sentForOthers = new AtomicLong();
    /** Of {@link #deadLettered}: records other JVMs spooled. */
    final AtomicLong deadLetteredForOthers = new AtomicLong();

    /** {@code records} delivered; {@code others} when another JVM spooled them. */
    void sent(long records, boolean others) {
        sent.addAndGet(records);
        if (others) {
            sentForOthers.addAndGet(records);
        }
    }

    /** {@code records} dead-lettered; {@code others} when another JVM spooled them. */
    void deadLettered(long records, boolean others) {
        deadLettered.addAndGet(records);
        if (others) {
            deadLetteredForOthers.addAndGet(records);
        }
    }
}
