package dev.logredact.collector.view;

import dev.logredact.collector.model.HistoryEntry;

/** One change to an incident: {@code field} is {@code state} or {@code assignee}. */
public record HistoryView(String at, String by, String field, String from, String to) {
    public static HistoryView of(HistoryEntry h) {
        return new HistoryView(Times.iso(h.at()), h.actor(), h.field(), h.oldValue(), h.newValue());
    }
}
