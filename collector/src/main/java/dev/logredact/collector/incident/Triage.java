package dev.logredact.collector.incident;

import dev.logredact.collector.model.HistoryEntry;
import dev.logredact.collector.model.Incident;
import dev.logredact.collector.model.IncidentState;
import dev.logredact.collector.store.Database;
import dev.logredact.collector.store.IncidentTable;

import java.time.Clock;
import java.util.Objects;

/** What people do to an incident: set its state, assign it. Every change is written to its history. */
public final class Triage {
    private final Database db;
    private final Clock clock;
    private final IncidentTable incidents = new IncidentTable();

    public Triage(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A change asked for: {@code state} null keeps it; {@code assign} false keeps the assignee, true sets
     * it to {@code assignee} (null clears it).
     */
    public record Change(IncidentState state, boolean assign, String assignee, String actor) {
    }

    /** The incident after the change, or null when there is no incident {@code id}. */
    public Incident apply(long id, Change change) {
        long now = clock.millis();
        return db.write(c -> {
            Incident incident = incidents.byId(c, id);
            if (incident == null) {
                return null;
            }
            IncidentState to = change.state();
            if (to != null && to != incident.state()) {
                if (!incidents.changeState(c, id, incident.state(), to, change.actor(), now, false)) {
                    throw new IncidentConflictException("incident " + id + " changed meanwhile; reload it and try again");
                }
                incidents.addHistory(c, id, new HistoryEntry(now, change.actor(), "state", incident.state().id(), to.id()));
            }
            if (change.assign() && !Objects.equals(change.assignee(), incident.assignee())) {
                incidents.setAssignee(c, id, change.assignee());
                incidents.addHistory(c, id, new HistoryEntry(now, change.actor(), "assignee", incident.assignee(), change.assignee()));
            }
            return incidents.byId(c, id);
        });
    }
}
