package dev.logredact.collector.report;

import dev.logredact.collector.view.IncidentView;
import dev.logredact.collector.view.StatsView;

import java.util.List;

/** What a report shows: the figures and every incident asked for, newest sighting first. */
public record Report(StatsView stats, List<IncidentView> incidents) {
}
