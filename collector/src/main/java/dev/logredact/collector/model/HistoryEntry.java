package dev.logredact.collector.model;

/** One change to an incident: {@code field} is {@code state} or {@code assignee}; {@code at} in epoch ms. */
public record HistoryEntry(long at, String actor, String field, String oldValue, String newValue) {
}
