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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores events and keeps incidents in step, in one transaction per group of batches:
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

    /**
     * Several batches in one transaction (one commit for all); what became of each, in order. The new
     * events of one fingerprint update its incident once.
     */
    public List<Recorded> recordAll(List<List<RedactionEvent>> batches) {
        List<RedactionEvent> all = batches.stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            return batches.stream().map(b -> new Recorded(0, 0)).toList();
        }
        return db.write(c -> {
            boolean[] stored = events.insertAll(c, all);
            Map<String, List<RedactionEvent>> fresh = new LinkedHashMap<>();
            List<Recorded> out = new ArrayList<>(batches.size());
            int i = 0;
            for (List<RedactionEvent> batch : batches) {
                int n = 0;
                for (RedactionEvent e : batch) {
                    if (stored[i++]) {
                        n++;
                        fresh.computeIfAbsent(e.fingerprint(), k -> new ArrayList<>()).add(e);
                    }
                }
                out.add(new Recorded(n, batch.size() - n));
            }
            for (List<RedactionEvent> sameSecret : fresh.values()) {
                track(c, sameSecret);
            }
            return out;
        });
    }

    /** Takes new events of one fingerprint into its incident, opening it with the earliest. */
    private void track(Connection c, List<RedactionEvent> sameSecret) throws SQLException {
        RedactionEvent earliest = sameSecret.stream().min(Comparator.comparingLong(RedactionEvent::occurredAt)).orElseThrow();
        long latest = sameSecret.stream().mapToLong(RedactionEvent::occurredAt).max().orElseThrow();
        IncidentTable.Touched incident = add(c, sameSecret);
        if (incident == null) {
            OwnerRules.Owner owner = owners.ownerOf(earliest);
            if (incidents.createIfAbsent(c, earliest, owner.name(), owner.slaHours())) {
                if (earliest.secretName() != null && earliest.repository() != null) {
                    for (Incident old : incidents.openPredecessors(c, earliest, earliest.occurredAt())) {
                        move(c, old.id(), old.state(), IncidentState.ROTATED, earliest.occurredAt(), false);
                    }
                }
                List<RedactionEvent> rest = sameSecret.stream().filter(e -> e != earliest).toList();
                if (!rest.isEmpty()) {
                    add(c, rest);
                }
                return;
            }
            // Another collector created it since the update above (PostgreSQL); count these in.
            incident = add(c, sameSecret);
        }
        if (incident.state() != IncidentState.OPEN && latest > incident.stateAt()) {
            move(c, incident.id(), incident.state(), IncidentState.OPEN, latest, true);
        }
    }

    private IncidentTable.Touched add(Connection c, List<RedactionEvent> list) throws SQLException {
        return incidents.addOccurrences(c, list.get(0).fingerprint(), list.size(),
                list.stream().mapToLong(RedactionEvent::count).sum(),
                list.stream().mapToLong(RedactionEvent::occurredAt).min().orElseThrow(),
                list.stream().mapToLong(RedactionEvent::occurredAt).max().orElseThrow());
    }

    private void move(Connection c, long id, IncidentState from, IncidentState to, long at, boolean reopening)
            throws SQLException {
        if (incidents.changeState(c, id, from, to, AUTO, at, reopening)) {
            incidents.addHistory(c, id, new HistoryEntry(at, AUTO, "state", from.id(), to.id()));
        }
    }
}
