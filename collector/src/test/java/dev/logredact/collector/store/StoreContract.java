package dev.logredact.collector.store;

import dev.logredact.collector.incident.EventRecorder;
import dev.logredact.collector.incident.IncidentConflictException;
import dev.logredact.collector.incident.OwnerRules;
import dev.logredact.collector.incident.Stats;
import dev.logredact.collector.incident.Triage;
import dev.logredact.collector.model.IncidentState;
import dev.logredact.collector.model.RedactionEvent;
import dev.logredact.collector.testing.MutableClock;
import dev.logredact.collector.testing.SampleOwners;
import dev.logredact.collector.view.EventView;
import dev.logredact.collector.view.IncidentDetail;
import dev.logredact.collector.view.IncidentView;
import dev.logredact.collector.view.Listings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.logredact.collector.testing.Events.event;
import static dev.logredact.collector.testing.OtlpEvents.fingerprint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the store must do, the same on SQLite and PostgreSQL: one schema from the migrations, dedupe,
 * incidents that follow the events (rotation, regression), triage with history, listings and figures.
 */
abstract class StoreContract {
    static final String SHOP = "https://github.com/acme/shop";
    static final String API = "https://github.com/acme/api";
    static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    String url;
    Database db;
    EventRecorder recorder;
    Listings listings;

    /** A JDBC URL or file for a new, empty store. */
    abstract String newStore();

    @BeforeEach
    void open() {
        url = newStore();
        reopen(OwnerRules.NONE);
    }

    void reopen(OwnerRules owners) {
        if (db != null) {
            db.close();
        }
        db = Database.open(url, null, Duration.ofSeconds(10), false);
        recorder = new EventRecorder(db, owners);
        listings = new Listings(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private IncidentView incident(String fingerprint) {
        return listings.incidents(IncidentFilter.ALL, 500, 0).items().stream()
                .filter(i -> i.fingerprint().equals(fingerprint)).findFirst().orElseThrow();
    }

    private static Instant at(long hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    @Test
    void migrationsRunOnceAndKeepTheData() {
        recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", SHOP, at(0))));
        reopen(OwnerRules.NONE);
        reopen(OwnerRules.NONE);
        assertEquals(1, listings.events(EventFilter.ALL, 10, 0).total());
    }

    @Test
    void aResentEventIsStoredOnce() {
        RedactionEvent e = event(fingerprint(1), "DB_PASSWORD", SHOP, at(0));
        assertEquals(new EventRecorder.Recorded(1, 0), recorder.record(List.of(e)));
        assertEquals(new EventRecorder.Recorded(0, 2), recorder.record(List.of(e, e)));
        assertEquals(1, incident(fingerprint(1)).occurrences());
    }

    @Test
    void oneIncidentPerFingerprintTakesInEventsInAnyOrder() {
        recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", SHOP, at(5))));
        recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", API, at(1)), event(fingerprint(1), "DB_PASSWORD", SHOP, at(9))));
        IncidentView i = incident(fingerprint(1));
        assertEquals(3, i.occurrences());
        assertEquals(at(1).toString(), i.firstSeen());
        assertEquals(at(9).toString(), i.lastSeen());
        assertEquals(8 * 3600.0, i.exposureSeconds());
        assertEquals(List.of(API, SHOP), i.repositories());
        assertEquals("open", i.state());
    }

    @Test
    void oneBatchOfAFingerprintOpensItsIncidentOnceAndCountsEveryEvent() {
        recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", SHOP, at(5)), event(fingerprint(2), "API_TOKEN", SHOP, at(5)),
                event(fingerprint(1), "DB_PASSWORD", SHOP, at(1)), event(fingerprint(1), "DB_PASSWORD", SHOP, at(9))));
        IncidentView i = incident(fingerprint(1));
        assertEquals(3, i.occurrences());
        assertEquals(3, i.redactions());
        assertEquals(at(1).toString(), i.firstSeen());
        assertEquals(at(9).toString(), i.lastSeen());
        assertEquals(2, listings.incidents(IncidentFilter.ALL, 10, 0).total());
    }

    @Test
    void aNewValueOfTheSameSecretInTheSameRepositoryRotatesTheOldIncident() {
        recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", SHOP, at(0)), event(fingerprint(1), "DB_PASSWORD", SHOP, at(2))));
        recorder.record(List.of(event(fingerprint(7), "DB_PASSWORD", API, at(3))));
        recorder.record(List.of(event(fingerprint(8), "API_TOKEN", SHOP, at(3))));
        assertEquals("open", incident(fingerprint(1)).state(), "another repository or another secret name is no rotation");

        recorder.record(List.of(event(fingerprint(2), "DB_PASSWORD", SHOP, at(26))));
        IncidentView old = incident(fingerprint(1));
        assertEquals("rotated", old.state());
        assertEquals(EventRecorder.AUTO, old.stateBy());
        assertEquals(at(26).toString(), old.stateAt());
        assertEquals(26 * 3600.0, old.timeToRemediateSeconds());
        assertEquals("open", incident(fingerprint(2)).state());
        assertEquals("open", incident(fingerprint(7)).state());
        IncidentDetail detail = listings.incident(old.id(), 10);
        assertEquals(1, detail.history().size());
        assertEquals("auto", detail.history().get(0).by());
        assertEquals("open", detail.history().get(0).from());
        assertEquals("rotated", detail.history().get(0).to());
    }

    @Test
    void aNewValueSeenBeforeTheOldOneStoppedIsNoRotation() {
        recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", SHOP, at(10))));
        recorder.record(List.of(event(fingerprint(2), "DB_PASSWORD", SHOP, at(4))));
        assertEquals("open", incident(fingerprint(1)).state());
    }

    @Test
    void theOldValueSeenAgainReopensItsIncidentButALateDeliveryDoesNot() {
        recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", SHOP, at(0))));
        recorder.record(List.of(event(fingerprint(2), "DB_PASSWORD", SHOP, at(10))));
        recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", SHOP, at(9))));
        assertEquals("rotated", incident(fingerprint(1)).state(), "sent before the rotation, delivered after it");

        recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", SHOP, at(30))));
        IncidentView reopened = incident(fingerprint(1));
        assertEquals("open", reopened.state());
        assertEquals(1, reopened.reopenedCount());
        assertEquals(at(30).toString(), reopened.stateAt());
        assertNull(reopened.timeToRemediateSeconds());
        assertEquals(List.of("rotated", "open"),
                listings.incident(reopened.id(), 10).history().stream().map(h -> h.to()).toList());
    }

    @Test
    void ownersAreAssignedWhenTheIncidentOpens() {
        reopen(SampleOwners.rules());
        recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", SHOP, at(0)), event(fingerprint(2), null, API, at(0)),
                event(fingerprint(3), "NPM_TOKEN", "https://gitlab.com/other/x", at(0))));
        assertEquals("team-db", incident(fingerprint(1)).owner());
        assertEquals(24, incident(fingerprint(1)).slaHours());
        assertEquals("platform", incident(fingerprint(2)).owner());
        assertEquals("security", incident(fingerprint(3)).owner());
    }

    @Test
    void triageChangesStateAndAssigneeAndWritesHistory() {
        recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", SHOP, at(0))));
        long id = incident(fingerprint(1)).id();
        Triage triage = new Triage(db, clock);
        triage.apply(id, new Triage.Change(null, true, "alice", "bob"));
        clock.set(NOW.plusSeconds(60));
        triage.apply(id, new Triage.Change(IncidentState.REVOKED, false, null, "alice"));
        triage.apply(id, new Triage.Change(IncidentState.REVOKED, true, "alice", "alice"));
        IncidentView i = incident(fingerprint(1));
        assertEquals("revoked", i.state());
        assertEquals("alice", i.stateBy());
        assertEquals("alice", i.assignee());
        assertEquals(NOW.plusSeconds(60).toString(), i.stateAt());
        var history = listings.incident(id, 1).history();
        assertEquals(2, history.size(), "repeating a value is no change");
        assertEquals("assignee", history.get(0).field());
        assertNull(history.get(0).from());
        assertEquals("alice", history.get(0).to());
        assertEquals("bob", history.get(0).by());
        assertEquals("state", history.get(1).field());
        assertNull(triage.apply(999, new Triage.Change(IncidentState.OPEN, false, null, "x")));
    }

    @Test
    void listingsFilterSortAndPage() {
        reopen(SampleOwners.rules());
        List<RedactionEvent> batch = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            batch.add(event(fingerprint(n), n % 2 == 0 ? "DB_PASSWORD_" + n : "CACHE_" + n, n <= 6 ? SHOP : API, at(n)));
        }
        batch.add(event(fingerprint(99), "WEIRD_%_NAME", SHOP, at(50)));
        recorder.record(batch);
        new Triage(db, clock).apply(incident(fingerprint(2)).id(), new Triage.Change(IncidentState.FALSE_POSITIVE, true, "carol", "carol"));

        Page<IncidentView> first = listings.incidents(IncidentFilter.ALL, 5, 0);
        assertEquals(13, first.total());
        assertEquals(List.of(fingerprint(99), fingerprint(12), fingerprint(11), fingerprint(10), fingerprint(9)),
                first.items().stream().map(IncidentView::fingerprint).toList(), "newest sighting first");
        assertEquals(3, listings.incidents(IncidentFilter.ALL, 5, 10).items().size());

        assertEquals(12, count(new IncidentFilter(List.of("open"), null, null, null, null, null, null, IncidentFilter.Sort.ID)));
        assertEquals(1, count(new IncidentFilter(List.of("false_positive", "revoked"), null, null, null, null, null, null, IncidentFilter.Sort.ID)));
        assertEquals(6, count(new IncidentFilter(List.of(), "team-db", null, null, null, null, null, IncidentFilter.Sort.ID)));
        assertEquals(1, count(new IncidentFilter(List.of(), null, "carol", null, null, null, null, IncidentFilter.Sort.ID)));
        assertEquals(7, count(new IncidentFilter(List.of(), null, null, SHOP, null, null, null, IncidentFilter.Sort.ID)));
        assertEquals(1, count(new IncidentFilter(List.of(), null, null, null, "env:CACHE_3", null, null, IncidentFilter.Sort.ID)));
        assertEquals(1, count(new IncidentFilter(List.of(), null, null, null, null, "DB_PASSWORD_4", null, IncidentFilter.Sort.ID)));
        assertEquals(6, count(new IncidentFilter(List.of(), null, null, null, null, null, "db_password", IncidentFilter.Sort.ID)), "q ignores case");
        assertEquals(1, count(new IncidentFilter(List.of(), null, null, null, null, null, "_%_", IncidentFilter.Sort.ID)), "wildcards match themselves");
        assertEquals(fingerprint(1), listings.incidents(new IncidentFilter(List.of(), null, null, null, null, null, null,
                IncidentFilter.Sort.FIRST_SEEN), 13, 0).items().get(12).fingerprint());
    }

    private long count(IncidentFilter f) {
        return listings.incidents(f, 500, 0).total();
    }

    @Test
    void eventListingsFilterByTimeAndIncident() {
        recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", SHOP, at(1)), event(fingerprint(1), "DB_PASSWORD", API, at(2)),
                event(fingerprint(2), "API_TOKEN", SHOP, at(3))));
        long id = incident(fingerprint(1)).id();
        Page<EventView> ofIncident = listings.events(new EventFilter(null, id, null, null, null, null, null, null, null, null), 10, 0);
        assertEquals(2, ofIncident.total());
        assertEquals(at(2).toString(), ofIncident.items().get(0).time(), "newest first");
        assertEquals(id, ofIncident.items().get(0).incidentId());
        Page<EventView> window = listings.events(new EventFilter(null, null, null, null, null, null, null, null,
                at(2).toEpochMilli(), at(3).toEpochMilli()), 10, 0);
        assertEquals(1, window.total(), "since inclusive, until exclusive");
        assertEquals(API, window.items().get(0).repository());
        assertEquals(1, listings.events(new EventFilter(null, null, SHOP, "env:API_TOKEN", "API_TOKEN", "test", "stdout",
                null, null, null), 10, 0).total());
    }

    @Test
    void missingSequenceNumbersAreCountedPerInstance() {
        recorder.record(List.of(
                event("a1", fingerprint(1), "X_TOKEN", SHOP, at(0), "agent-a", 1L),
                event("a2", fingerprint(1), "X_TOKEN", SHOP, at(0), "agent-a", 2L),
                event("a5", fingerprint(1), "X_TOKEN", SHOP, at(0), "agent-a", 5L),
                event("b7", fingerprint(1), "X_TOKEN", SHOP, at(0), "agent-b", 7L)));
        assertEquals(2, new Stats(db, clock).snapshot().missingSequenceNumbers());
    }

    @Test
    void figuresByOwnerAndRepository() {
        reopen(SampleOwners.rules());
        recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", SHOP, at(0)), event(fingerprint(1), "DB_PASSWORD", API, at(1)),
                event(fingerprint(2), "DB_PASSWORD", SHOP, at(10)),
                event(fingerprint(3), "NPM_TOKEN", API, NOW.minus(Duration.ofHours(1)))));
        Stats.Snapshot s = new Stats(db, clock).snapshot();
        assertEquals(3, s.all().incidents());
        assertEquals(2, s.all().open());
        assertEquals(1, s.all().remediated());
        assertEquals(10 * 3600.0, s.all().meanTimeToRemediateSeconds());
        assertEquals(1, s.all().slaBreaches(), "fingerprint 2 is open far past team-db's 24 h; fingerprint 3 is within security's 72 h");
        assertEquals(List.of("security", "team-db"), s.byOwner().stream().map(Stats.Group::key).toList(),
                "one open each: by name");
        assertEquals(2, s.byOwner().get(1).figures().incidents());
        assertEquals(1, s.byOwner().get(1).figures().slaBreaches());
        assertEquals(List.of(API, SHOP), s.byRepository().stream().map(Stats.Group::key).toList());
        assertEquals(2, s.byRepository().get(0).figures().incidents(), "fingerprint 1 counts in both repositories");
        assertEquals(4, s.events());
    }

    @Test
    void concurrentWritersMakeOneIncidentAndLoseNoOccurrence() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", SHOP, at(i))));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, listings.incidents(IncidentFilter.ALL, 10, 0).total());
        assertEquals(threads * each, incident(fingerprint(1)).occurrences());
    }

    @Test
    void aStateChangedMeanwhileIsAConflict() {
        recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", SHOP, at(0))));
        long id = incident(fingerprint(1)).id();
        assertThrows(IncidentConflictException.class, () -> db.write(c -> {
            new IncidentTable().changeState(c, id, IncidentState.OPEN, IncidentState.REVOKED, "x", 1, false);
            throw new IncidentConflictException("simulated");
        }));
        assertEquals("open", incident(fingerprint(1)).state(), "a failed transaction changes nothing");
    }
}
