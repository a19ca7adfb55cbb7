package dev.logredact.collector.store;

import dev.logredact.collector.model.HistoryEntry;
import dev.logredact.collector.model.Incident;
import dev.logredact.collector.model.IncidentState;
import dev.logredact.collector.model.RedactionEvent;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for the {@code incidents} and {@code incident_history} tables. */
public final class IncidentTable {
    private static final String SELECT = "SELECT id, fingerprint, rule, kind, secret_name, repository, first_seen, last_seen,"
            + " occurrences, redactions, state, state_by, state_at, assignee, owner, sla_hours, reopened_count FROM incidents";

    /**
     * Creates the incident of the event's fingerprint, open, unless it exists; true when created. A
     * concurrent creator on PostgreSQL waits here and then finds the row.
     */
    public boolean createIfAbsent(Connection c, RedactionEvent e, String owner, Integer slaHours) throws SQLException {
        return Sql.update(c, "INSERT INTO incidents (fingerprint, rule, kind, secret_name, repository, first_seen, last_seen,"
                        + " occurrences, redactions, state, state_by, state_at, owner, sla_hours, reopened_count)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 'auto', ?, ?, ?, 0) ON CONFLICT (fingerprint) DO NOTHING",
                e.fingerprint(), e.rule(), e.kind(), e.secretName(), e.repository(), e.occurredAt(), e.occurredAt(),
                e.count(), IncidentState.OPEN.id(), e.occurredAt(), owner, slaHours) == 1;
    }

    /** An incident's state after {@link #addOccurrence}. */
    public record Touched(long id, IncidentState state, long stateAt) {
    }

    /**
     * Counts {@code occurrences} more events with {@code redactions} redactions between {@code earliest} and
     * {@code latest}, widening first/last seen to take them in (events may arrive out of order); the
     * incident's state after that, or null when the fingerprint has no incident yet.
     */
    public Touched addOccurrences(Connection c, String fingerprint, long occurrences, long redactions, long earliest,
                                  long latest) throws SQLException {
        return Sql.first(c, "UPDATE incidents SET occurrences = occurrences + ?, redactions = redactions + ?,"
                        + " first_seen = CASE WHEN ? < first_seen THEN ? ELSE first_seen END,"
                        + " last_seen = CASE WHEN ? > last_seen THEN ? ELSE last_seen END WHERE fingerprint = ?"
                        + " RETURNING id, state, state_at",
                rs -> new Touched(rs.getLong(1), IncidentState.parse(rs.getString(2)), rs.getLong(3)),
                occurrences, redactions, earliest, earliest, latest, latest, fingerprint);
    }

    public Incident byId(Connection c, long id) throws SQLException {
        return Sql.first(c, SELECT + " WHERE id = ?", IncidentTable::incident, id);
    }

    /**
     * Open incidents of other fingerprints with the same secret name, seen in the same repository, whose
     * last sighting is not after {@code since}: the values a new fingerprint has replaced.
     */
    public List<Incident> openPredecessors(Connection c, RedactionEvent e, long since) throws SQLException {
        return Sql.list(c, SELECT + " WHERE state = ? AND secret_name = ? AND fingerprint <> ? AND last_seen <= ?"
                        + " AND EXISTS (SELECT 1 FROM events ev WHERE ev.fingerprint = incidents.fingerprint"
                        + " AND ev.repository = ? AND ev.secret_name = ?) ORDER BY id",
                IncidentTable::incident, IncidentState.OPEN.id(), e.secretName(), e.fingerprint(), since,
                e.repository(), e.secretName());
    }

    /**
     * Moves the incident to {@code to} if it is in {@code from} (so two writers cannot both make the same
     * change); true when it moved.
     */
    public boolean changeState(Connection c, long id, IncidentState from, IncidentState to, String actor, long at,
                               boolean reopening) throws SQLException {
        return Sql.update(c, "UPDATE incidents SET state = ?, state_by = ?, state_at = ?,"
                        + " reopened_count = reopened_count + ? WHERE id = ? AND state = ?",
                to.id(), actor, at, reopening ? 1 : 0, id, from.id()) == 1;
    }

    public void setAssignee(Connection c, long id, String assignee) throws SQLException {
        Sql.update(c, "UPDATE incidents SET assignee = ? WHERE id = ?", assignee, id);
    }

    public void addHistory(Connection c, long incidentId, HistoryEntry h) throws SQLException {
        Sql.update(c, "INSERT INTO incident_history (incident_id, changed_at, actor, field, old_value, new_value)"
                + " VALUES (?, ?, ?, ?, ?, ?)", incidentId, h.at(), h.actor(), h.field(), h.oldValue(), h.newValue());
    }

    public List<HistoryEntry> history(Connection c, long incidentId) throws SQLException {
        return Sql.list(c, "SELECT changed_at, actor, field, old_value, new_value FROM incident_history"
                        + " WHERE incident_id = ? ORDER BY changed_at, id",
                rs -> new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                incidentId);
    }

    public Page<Incident> page(Connection c, IncidentFilter f, int limit, long offset) throws SQLException {
        Where where = new Where()
                .in("state", f.states())
                .eq("owner", f.owner())
                .eq("assignee", f.assignee())
                .eq("rule", f.rule())
                .eq("secret_name", f.secretName())
                .contains(f.q(), "fingerprint", "rule", "secret_name", "owner", "assignee");
        if (f.repository() != null) {
            where.clause("EXISTS (SELECT 1 FROM events ev WHERE ev.fingerprint = incidents.fingerprint AND ev.repository = ?)",
                    f.repository());
        }
        long total = Sql.count(c, "SELECT COUNT(*) FROM incidents" + where.sql(), where.params());
        List<Incident> items = Sql.list(c, SELECT + where.sql() + " ORDER BY " + f.sort().column + " DESC, id DESC LIMIT ? OFFSET ?",
                IncidentTable::incident, where.params(limit, offset));
        return new Page<>(items, total);
    }

    /** Incidents first seen per UTC day (days since the epoch) from {@code since} on. */
    public Map<Long, Long> openedPerDay(Connection c, long since) throws SQLException {
        Map<Long, Long> days = new LinkedHashMap<>();
        for (long[] row : Sql.list(c, "SELECT first_seen / 86400000, COUNT(*) FROM incidents WHERE first_seen >= ?"
                + " GROUP BY first_seen / 86400000", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, since)) {
            days.put(row[0], row[1]);
        }
        return days;
    }

    public List<Incident> all(Connection c) throws SQLException {
        return Sql.list(c, SELECT + " ORDER BY id", IncidentTable::incident);
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        return new Incident(rs.getLong("id"), rs.getString("fingerprint"), rs.getString("rule"), rs.getString("kind"),
                rs.getString("secret_name"), rs.getString("repository"), rs.getLong("first_seen"), rs.getLong("last_seen"),
                rs.getLong("occurrences"), rs.getLong("redactions"), IncidentState.parse(rs.getString("state")),
                rs.getString("state_by"), rs.getLong("state_at"), rs.getString("assignee"), rs.getString("owner"),
                Sql.intOrNull(rs, "sla_hours"), rs.getInt("reopened_count"));
    }
}
