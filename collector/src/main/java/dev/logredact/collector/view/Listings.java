package dev.logredact.collector.view;

import dev.logredact.collector.model.Incident;
import dev.logredact.collector.store.Database;
import dev.logredact.collector.store.EventFilter;
import dev.logredact.collector.store.EventTable;
import dev.logredact.collector.store.IncidentFilter;
import dev.logredact.collector.store.IncidentTable;
import dev.logredact.collector.store.Page;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Reads incidents and events from the store as the API and reports show them. */
public final class Listings {
    private static final long DAY_MILLIS = 86_400_000L;

    private final Database db;
    private final Clock clock;
    private final IncidentTable incidents = new IncidentTable();
    private final EventTable events = new EventTable();

    public Listings(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Page<IncidentView> incidents(IncidentFilter filter, int limit, long offset) {
        return db.read(c -> {
            Page<Incident> page = incidents.page(c, filter, limit, offset);
            return new Page<>(views(c, page.items()), page.total());
        });
    }

    /** The incident with its newest {@code eventLimit} events and its history; null when there is none. */
    public IncidentDetail incident(long id, int eventLimit) {
        return db.read(c -> {
            Incident i = incidents.byId(c, id);
            if (i == null) {
                return null;
            }
            Page<EventView> recent = events(c, EventFilter.ofFingerprint(i.fingerprint()), eventLimit, 0);
            return new IncidentDetail(views(c, List.of(i)).get(0), recent.items(), recent.total(),
                    incidents.history(c, id).stream().map(HistoryView::of).toList());
        });
    }

    public IncidentView view(Incident i) {
        return db.read(c -> views(c, List.of(i)).get(0));
    }

    public Page<EventView> events(EventFilter filter, int limit, long offset) {
        return db.read(c -> events(c, filter, limit, offset));
    }

    /** The last {@code days} UTC days up to today (the clock's), per day. */
    public ExposureSeries exposures(int days) {
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(days - 1L);
        long since = from.toEpochDay() * DAY_MILLIS;
        long until = (to.toEpochDay() + 1) * DAY_MILLIS;
        return ExposureSeries.of(from, to, db.read(c -> events.perDay(c, since, until)));
    }

    private Page<EventView> events(Connection c, EventFilter filter, int limit, long offset) throws SQLException {
        var page = events.page(c, filter, limit, offset);
        return new Page<>(page.items().stream().map(EventView::of).toList(), page.total());
    }

    private List<IncidentView> views(Connection c, List<Incident> list) throws SQLException {
        long now = clock.millis();
        Map<String, EventTable.Context> contexts = events.contexts(c, list.stream().map(Incident::fingerprint).toList());
        return list.stream()
                .map(i -> IncidentView.of(i, contexts.getOrDefault(i.fingerprint(), EventTable.Context.NONE), now))
                .toList();
    }
}
