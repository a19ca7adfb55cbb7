package dev.logredact.collector.view;

import java.util.List;

/** {@code GET /api/v1/incidents/{id}}: the incident, its newest events (occurrences) and its history. */
public record IncidentDetail(IncidentView incident, List<EventView> events, long eventsTotal, List<HistoryView> history) {
}
