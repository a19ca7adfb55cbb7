package dev.logredact.collector.store;

import dev.logredact.collector.model.RedactionEvent;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SQL for the {@code events} table. */
public final class EventTable {
    private static final String COLUMNS = "uid, occurred_at, received_at, fingerprint, rule, kind, secret_name, variant, "
            + "channel, logger, thread, redactions, seq, instance, service, host, pid, pipeline, job, run_id, run_url, "
            + "repository, commit_sha, branch";

    /** Stores each event unless one with its uid is there already (a resend); which ones were stored. */
    public boolean[] insertAll(Connection c, List<RedactionEvent> list) throws SQLException {
        List<Object[]> rows = new ArrayList<>(list.size());
        for (RedactionEvent e : list) {
            rows.add(new Object[] {e.uid(), e.occurredAt(), e.receivedAt(), e.fingerprint(), e.rule(), e.kind(),
                e.secretName(), e.variant(), e.channel(), e.logger(), e.thread(), e.count(), e.seq(), e.instance(),
                e.service(), e.host(), e.pid(), e.pipeline(), e.job(), e.runId(), e.runUrl(), e.repository(), e.commit(),
                e.branch()});
        }
        int[] counts = Sql.updateEach(c, "INSERT INTO events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING", rows);
        boolean[] stored = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            stored[i] = counts[i] == 1;
        }
        return stored;
    }

    /** Newest first. */
    public Page<StoredEvent> page(Connection c, EventFilter f, int limit, long offset) throws SQLException {
        Where where = where(f);
        String from = " FROM events e LEFT JOIN incidents i ON i.fingerprint = e.fingerprint";
        long total = Sql.count(c, "SELECT COUNT(*)" + from + where.sql(), where.params());
        List<StoredEvent> items = Sql.list(c, "SELECT e.id, i.id AS incident_id, " + prefixed() + from + where.sql()
                        + " ORDER BY e.occurred_at DESC, e.id DESC LIMIT ? OFFSET ?",
                EventTable::stored, where.params(limit, offset));
        return new Page<>(items, total);
    }

    private static Where where(EventFilter f) {
        return new Where()
                .eq("e.fingerprint", f.fingerprint())
                .eq("i.id", f.incidentId())
                .eq("e.repository", f.repository())
                .eq("e.rule", f.rule())
                .eq("e.secret_name", f.secretName())
                .eq("e.job", f.job())
                .eq("e.channel", f.channel())
                .eq("e.instance", f.instance())
                .atLeast("e.occurred_at", f.since())
                .below("e.occurred_at", f.until());
    }

    private static String prefixed() {
        return "e." + COLUMNS.replace(", ", ", e.");
    }

    private static StoredEvent stored(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong("id"), Sql.longOrNull(rs, "incident_id"), new RedactionEvent(
                rs.getString("uid"), rs.getLong("occurred_at"), rs.getLong("received_at"), rs.getString("fingerprint"),
                rs.getString("rule"), rs.getString("kind"), rs.getString("secret_name"), rs.getString("variant"),
                rs.getString("channel"), rs.getString("logger"), rs.getString("thread"), rs.getLong("redactions"),
                Sql.longOrNull(rs, "seq"), rs.getString("instance"), rs.getString("service"), rs.getString("host"),
                Sql.longOrNull(rs, "pid"), rs.getString("pipeline"), rs.getString("job"), rs.getString("run_id"),
                rs.getString("run_url"), rs.getString("repository"), rs.getString("commit_sha"), rs.getString("branch")));
    }

    /** Where each of {@code fingerprints} was seen: its distinct repositories and jobs. */
    public Map<String, Context> contexts(Connection c, Collection<String> fingerprints) throws SQLException {
        Map<String, Context> out = new LinkedHashMap<>();
        if (fingerprints.isEmpty()) {
            return out;
        }
        Where where = new Where().in("fingerprint", fingerprints);
        for (String[] row : Sql.list(c, "SELECT DISTINCT fingerprint, repository, job FROM events" + where.sql()
                        + " ORDER BY fingerprint, repository, job",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, where.params())) {
            Context ctx = out.computeIfAbsent(row[0], k -> new Context(new LinkedHashSet<>(), new LinkedHashSet<>()));
            if (row[1] != null) {
                ctx.repositories().add(row[1]);
            }
            if (row[2] != null) {
                ctx.jobs().add(row[2]);
            }
        }
        return out;
    }

    /** The distinct repositories and jobs of one fingerprint's events. */
    public record Context(Set<String> repositories, Set<String> jobs) {
        public static final Context NONE = new Context(Set.of(), Set.of());
    }

    /**
     * Sequence numbers each agent instance skipped: max − min + 1 − distinct, summed. Events merged into a
     * count or lost in transit show here; the spool makes loss rare, so a non-zero figure is worth a look.
     */
    public long missingSequenceNumbers(Connection c) throws SQLException {
        return Sql.count(c, "SELECT COALESCE(SUM(MAX_SEQ - MIN_SEQ + 1 - N), 0) FROM ("
                + "SELECT MIN(seq) AS MIN_SEQ, MAX(seq) AS MAX_SEQ, COUNT(DISTINCT seq) AS N FROM events"
                + " WHERE instance IS NOT NULL AND seq IS NOT NULL GROUP BY instance) per_instance");
    }

    /** One UTC day's events, the maskings they stand for and the distinct secrets (fingerprints) among them. */
    public record Day(long epochDay, long events, long redactions, long secrets) {
    }

    /** Per UTC day with events in [{@code since}, {@code until}) (epoch ms), oldest first; days without any are left out. */
    public List<Day> perDay(Connection c, long since, long until) throws SQLException {
        return Sql.list(c, "SELECT occurred_at / 86400000 AS epoch_day, COUNT(*), SUM(redactions), COUNT(DISTINCT fingerprint)"
                        + " FROM events WHERE occurred_at >= ? AND occurred_at < ? GROUP BY occurred_at / 86400000 ORDER BY 1",
                rs -> new Day(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), since, until);
    }

    public long count(Connection c) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM events");
    }

    /** Every (fingerprint, repository) pair seen, for figures by repository. */
    public List<String[]> fingerprintRepositories(Connection c) throws SQLException {
        return Sql.list(c, "SELECT DISTINCT fingerprint, repository FROM events WHERE repository IS NOT NULL",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
    }
}
