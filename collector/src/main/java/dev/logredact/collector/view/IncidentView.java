package dev.logredact.collector.view;

import dev.logredact.collector.model.Incident;
import dev.logredact.collector.store.EventTable;

import java.util.List;

/** An incident as the API and reports show it. Times ISO-8601 UTC, durations in seconds. */
public record IncidentView(
        long id,
        String fingerprint,
        String rule,
        String kind,
        String secretName,
        String state,
        String stateBy,
        String stateAt,
        String assignee,
        String owner,
        Integer slaHours,
        String slaDueAt,
        boolean slaBreached,
        String firstSeen,
        String lastSeen,
        long occurrences,
        long redactions,
        int reopenedCount,
        Double timeToRemediateSeconds,
        double exposureSeconds,
        List<String> repositories,
        List<String> jobs) {

    public static IncidentView of(Incident i, EventTable.Context where, long now) {
        return new IncidentView(i.id(), i.fingerprint(), i.rule(), i.kind(), i.secretName(), i.state().id(), i.stateBy(),
                Times.iso(i.stateAt()), i.assignee(), i.owner(), i.slaHours(), Times.iso(i.slaDueAt()), i.slaBreached(now),
                Times.iso(i.firstSeen()), Times.iso(i.lastSeen()), i.occurrences(), i.redactions(), i.reopenedCount(),
                Times.seconds(i.timeToRemediate()), (i.lastSeen() - i.firstSeen()) / 1000.0,
                List.copyOf(where.repositories()), List.copyOf(where.jobs()));
    }
}
