package dev.logredact.collector.incident;

import dev.logredact.collector.model.HistoryEntry;
import dev.logredact.collector.model.Incident;
import dev.logredact.collector.model.IncidentState;
import dev.logredact.collector.model.RedactionEvent;
import dev.logredact.collector.store.Database;
import dev.logredact.collector.store.EventTable;
import dev.logredact.collector.store.IncidentTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores events and keeps incidents in step, in one transaction per batch:
 * <ul>
 *   <li>a resent event (same uid) is counted and changes nothing;</li>
 *   <li>a new fingerprint opens an incident, owned by the first matching owner rule; every open incident
 *       of another fingerprint with the same secret name in the same repository, last seen no later than
 *       this event, is taken as replaced: it becomes {@code rotated} by {@code auto} at this event's time;</li>
 *   <li>a known fingerprint adds an occurrence; seen after its incident left {@code open} (by event time,
 *       so a late delivery of an old event does not count), it reopens the incident as a regression.</li>
 * </ul>
 */
public final class EventRecorder {
    /** Who the collector names for changes it makes itself. */
    public static final String AUTO = "auto";

    private final Database db;
    private final OwnerRules owners;
    private final EventTable events = new EventTable();
    private final IncidentTable incidents = new IncidentTable();

    public EventRecorder(Database db, OwnerRules owners) {
        this.db = db;
        this.owners = owners;
    }

    /** What became of a batch. */
    public record Recorded(int stored, int duplicates) {
    }

    public Recorded record(List<RedactionEvent> batch) {
        return recordAll(List.of(batch)).get(0);
    }

    /** Several batches in one transaction (one commit for all); what became of each, in order. */
    public List<Recorded> recordAll(List<List<RedactionEvent>> batches) {
        if (batches.stream().allMatch(List::isEmpty)) {
            return batches.stream().map(b -> new Recorded(0, 0)).toList();
        }
        return db.write(c -> {
            List<Recorded> out = new ArrayList<>(batches.size());
            for (List<RedactionEvent> batch : batches) {
                int stored = 0;
                for (RedactionEvent e : batch) {
                    if (events.insert(c, e)) {
                        stored++;
                        track(c, e);
                    }
                }
                out.add(new Recorded(stored, batch.size() - stored));
            }
            return out;
        });
    }

    private void track(Connection c, RedactionEvent e) throws SQLException {
        OwnerRules.Owner owner = owners.ownerOf(e);
        if (incidents.createIfAbsent(c, e, owner.name(), owner.slaHours())) {
            if (e.secretName() != null && e.repository() != null) {
                for (Incident old : incidents.openPredecessors(c, e, e.occurredAt())) {
                    move(c, old, IncidentState.ROTATED, e.occurredAt(), false);
                }
            }
            return;
        }
        incidents.addOccurrence(c, e);
        Incident incident = incidents.byFingerprint(c, e.fingerprint());
        if (incident.state() != IncidentState.OPEN && e.occurredAt() > incident.stateAt()) {
            move(c, incident, IncidentState.OPEN, e.occurredAt(), true);
        }
    }

    private void move(Connection c, Incident incident, IncidentState to, long at, boolean reopening) throws SQLException {
        if (incidents.changeState(c, incident.id(), incident.state(), to, AUTO, at, reopening)) {
            incidents.addHistory(c, incident.id(), new HistoryEntry(at, AUTO, "state", incident.state().id(), to.id()));
        }
    }
}
