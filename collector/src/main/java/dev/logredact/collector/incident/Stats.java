package dev.logredact.collector.incident;

import dev.logredact.collector.model.Incident;
import dev.logredact.collector.store.Database;
import dev.logredact.collector.store.EventTable;
import dev.logredact.collector.store.IncidentTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Figures over all incidents, and grouped by owner and by repository (an incident seen in two
 * repositories counts in both); exposures per day for the last 30 days; how many events are stored and
 * how many sequence numbers never arrived.
 */
public final class Stats {
    /** How many days {@code byDay} covers. */
    static final int DAYS = 30;
    private static final long DAY = 86_400_000L;

    private final Database db;
    private final Clock clock;
    private final IncidentTable incidents = new IncidentTable();
    private final EventTable events = new EventTable();

    public Stats(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One group's key (an owner, a repository; null for none) and its figures. */
    public record Group(String key, Figures figures) {
    }

    /** One UTC day: events (occurrences) and redactions seen, incidents first seen. */
    public record Day(LocalDate day, long events, long redactions, long newIncidents) {
    }

    public record Snapshot(long generatedAt, Figures all, List<Group> byOwner, List<Group> byRepository,
                           List<Day> byDay, long events, long missingSequenceNumbers) {
    }

    public Snapshot snapshot() {
        long now = clock.millis();
        return db.read(c -> {
            List<Incident> all = incidents.all(c);
            Map<String, List<String>> repositoriesOf = new HashMap<>();
            for (String[] row : events.fingerprintRepositories(c)) {
                repositoriesOf.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
            }
            Map<String, List<Incident>> byRepository = new TreeMap<>();
            for (Incident i : all) {
                for (String repository : repositoriesOf.getOrDefault(i.fingerprint(), List.of())) {
                    byRepository.computeIfAbsent(repository, k -> new ArrayList<>()).add(i);
                }
            }
            return new Snapshot(now, Figures.of(all, now), groups(group(all, Incident::owner), now),
                    groups(byRepository, now), days(c, now), events.count(c), events.missingSequenceNumbers(c));
        });
    }

    /** The last {@link #DAYS} UTC days up to today, each present, oldest first: for a chart of exposures. */
    private List<Day> days(Connection c, long now) throws SQLException {
        long today = Math.floorDiv(now, DAY);
        long first = today - DAYS + 1;
        Map<Long, EventTable.Day> seen = new HashMap<>();
        for (EventTable.Day d : events.perDay(c, first * DAY, (today + 1) * DAY)) {
            seen.put(d.epochDay(), d);
        }
        Map<Long, Long> opened = incidents.openedPerDay(c, first * DAY);
        List<Day> out = new ArrayList<>(DAYS);
        for (long d = first; d <= today; d++) {
            EventTable.Day e = seen.get(d);
            out.add(new Day(LocalDate.ofEpochDay(d), e == null ? 0 : e.events(), e == null ? 0 : e.redactions(),
                    opened.getOrDefault(d, 0L)));
        }
        return out;
    }

    private static Map<String, List<Incident>> group(List<Incident> all, Function<Incident, String> key) {
        Map<String, List<Incident>> groups = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Incident i : all) {
            groups.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    /** Most open incidents first, then by key. */
    private static List<Group> groups(Map<String, List<Incident>> grouped, long now) {
        List<Group> out = new ArrayList<>();
        grouped.forEach((key, list) -> out.add(new Group(key, Figures.of(list, now))));
        out.sort(Comparator.comparingLong((Group g) -> -g.figures().open()));
        return out;
    }
}
