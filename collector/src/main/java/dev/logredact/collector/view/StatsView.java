package dev.logredact.collector.view;

import dev.logredact.collector.incident.Figures;
import dev.logredact.collector.incident.Stats;
import dev.logredact.collector.model.IncidentState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/stats} and the report's summary. */
public record StatsView(
        String generatedAt,
        long incidents,
        long open,
        Map<String, Long> byState,
        long remediated,
        Double meanTimeToRemediateSeconds,
        Double p90TimeToRemediateSeconds,
        long slaBreaches,
        List<GroupView> byOwner,
        List<GroupView> byRepository,
        List<DayView> byDay,
        long events,
        long missingSequenceNumbers,
        IngestView ingest) {

    /** One owner's or repository's figures; {@code key} is null for incidents without an owner. */
    public record GroupView(String key, long incidents, long open, long remediated, Double meanTimeToRemediateSeconds,
                            Double p90TimeToRemediateSeconds, long slaBreaches) {
        static GroupView of(Stats.Group g) {
            Figures f = g.figures();
            return new GroupView(g.key(), f.incidents(), f.open(), f.remediated(), f.meanTimeToRemediateSeconds(),
                    f.p90TimeToRemediateSeconds(), f.slaBreaches());
        }
    }

    /** One UTC day ({@code 2026-02-01}) of the last 30: events and redactions seen, incidents first seen. */
    public record DayView(String day, long events, long redactions, long newIncidents) {
        static DayView of(Stats.Day d) {
            return new DayView(d.day().toString(), d.events(), d.redactions(), d.newIncidents());
        }
    }

    /** Records received since this collector started (null in reports, which read the store only). */
    public record IngestView(long stored, long duplicates, long rejected, long ignored, long refusedRequests) {
    }

    public static StatsView of(Stats.Snapshot s, IngestView ingest) {
        Figures f = s.all();
        Map<String, Long> byState = new LinkedHashMap<>();
        for (IncidentState state : IncidentState.values()) {
            byState.put(state.id(), f.byState().get(state));
        }
        return new StatsView(Times.iso(s.generatedAt()), f.incidents(), f.open(), byState, f.remediated(),
                f.meanTimeToRemediateSeconds(), f.p90TimeToRemediateSeconds(), f.slaBreaches(),
                s.byOwner().stream().map(GroupView::of).toList(), s.byRepository().stream().map(GroupView::of).toList(),
                s.byDay().stream().map(DayView::of).toList(), s.events(), s.missingSequenceNumbers(), ingest);
    }
}
