package dev.logredact.export;

import java.util.concurrent.atomic.AtomicLong;

/** Records this JVM's exporter has seen through: what {@link DeliveryTotals} reports besides the spool. */
final class DeliveryCounts {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
}
