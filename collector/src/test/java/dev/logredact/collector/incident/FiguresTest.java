package dev.logredact.collector.incident;

import dev.logredact.collector.model.Incident;
import dev.logredact.collector.model.IncidentState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiguresTest {
    private static final long HOUR = 3_600_000L;
    private static final long T0 = 1_767_225_600_000L;

    private static Incident incident(IncidentState state, long firstSeen, long stateAt, Integer slaHours) {
        return new Incident(1, "v1:00000000000000000000000000000001", "env:X", "literal", "X", null, firstSeen, firstSeen,
                1, 1, state, "auto", stateAt, null, "team", slaHours, 0);
    }

    @Test
    void meanAndNearestRankP90OfTimeToRemediate() {
        List<Incident> list = new ArrayList<>();
        for (int h = 10; h >= 1; h--) {
            list.add(incident(h % 2 == 0 ? IncidentState.ROTATED : IncidentState.REVOKED, T0, T0 + h * HOUR, null));
        }
        list.add(incident(IncidentState.OPEN, T0, T0, null));
        list.add(incident(IncidentState.FALSE_POSITIVE, T0, T0 + 100 * HOUR, null));
        Figures f = Figures.of(list, T0);
        assertEquals(12, f.incidents());
        assertEquals(10, f.remediated(), "false positives and accepted risks are no remediation");
        assertEquals(5.5 * 3600, f.meanTimeToRemediateSeconds());
        assertEquals(9 * 3600.0, f.p90TimeToRemediateSeconds(), "nearest rank: the 9th of 10");
        assertEquals(1, f.open());
        assertEquals(5, f.byState().get(IncidentState.ROTATED));
        assertEquals(1, f.byState().get(IncidentState.FALSE_POSITIVE));
        assertEquals(0, f.byState().get(IncidentState.ACCEPTED));
    }

    @Test
    void nothingRemediatedHasNoTimes() {
        Figures f = Figures.of(List.of(incident(IncidentState.OPEN, T0, T0, 24)), T0);
        assertNull(f.meanTimeToRemediateSeconds());
        assertNull(f.p90TimeToRemediateSeconds());
        assertEquals(0, Figures.of(List.of(), T0).incidents());
    }

    @Test
    void slaBreachesAreOpenPastDueOrRemediatedLate() {
        long due = T0 + 24 * HOUR;
        assertEquals(0, breaches(incident(IncidentState.OPEN, T0, T0, 24), due), "due, not past");
        assertEquals(1, breaches(incident(IncidentState.OPEN, T0, T0, 24), due + 1));
        assertEquals(0, breaches(incident(IncidentState.ROTATED, T0, due, 24), due + 100 * HOUR));
        assertEquals(1, breaches(incident(IncidentState.REVOKED, T0, due + 1, 24), due + 100 * HOUR));
        assertEquals(0, breaches(incident(IncidentState.ACCEPTED, T0, due + HOUR, 24), due + 100 * HOUR));
        assertEquals(0, breaches(incident(IncidentState.OPEN, T0, T0, null), due + 100 * HOUR), "no SLA, no breach");
    }

    private static long breaches(Incident i, long now) {
        return Figures.of(List.of(i), now).slaBreaches();
    }

    @Test
    void p90IsTheSmallestValueWithAtLeastNinetyPercentAtOrBelowIt() {
        Random random = new Random(90);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(60);
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                values.add((long) random.nextInt(50) * 1000);
            }
            values.sort(null);
            double p90 = Figures.percentile(values, 90);
            long atOrBelow = values.stream().filter(v -> v / 1000.0 <= p90).count();
            long below = values.stream().filter(v -> v / 1000.0 < p90).count();
            assertTrue(atOrBelow * 10 >= 9L * n, "at least 90% at or below, n=" + n);
            assertTrue(below * 10 < 9L * n, "fewer than 90% below, n=" + n);
        }
    }
}
