package dev.logredact.collector.store;

import dev.logredact.collector.model.RedactionEvent;

/** An event as stored: its row id and the incident of its fingerprint. */
public record StoredEvent(long id, Long incidentId, RedactionEvent event) {
}
