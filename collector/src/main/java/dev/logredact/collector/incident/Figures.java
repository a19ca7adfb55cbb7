package dev.logredact.collector.incident;

import dev.logredact.collector.model.Incident;
import dev.logredact.collector.model.IncidentState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a set of incidents: how many in each state, time to remediate (rotated or revoked:
 * state change − first seen) as mean and 90th percentile (nearest rank), and SLA breaches (open past
 * first seen + SLA, or remediated after it).
 */
public record Figures(
        long incidents,
        Map<IncidentState, Long> byState,
        long remediated,
        Double meanTimeToRemediateSeconds,
        Double p90TimeToRemediateSeconds,
        long slaBreaches) {

    public long open() {
        return byState.get(IncidentState.OPEN);
    }

    public static Figures of(Collection<Incident> incidents, long now) {
        Map<IncidentState, Long> byState = new EnumMap<>(IncidentState.class);
        for (IncidentState s : IncidentState.values()) {
            byState.put(s, 0L);
        }
        List<Long> remediation = new ArrayList<>();
        long breaches = 0;
        for (Incident i : incidents) {
            byState.merge(i.state(), 1L, Long::sum);
            Long ttr = i.timeToRemediate();
            if (ttr != null) {
                remediation.add(ttr);
            }
            if (i.slaBreached(now)) {
                breaches++;
            }
        }
        Collections.sort(remediation);
        Double mean = remediation.isEmpty() ? null
                : seconds(remediation.stream().mapToLong(Long::longValue).sum() / (double) remediation.size());
        return new Figures(incidents.size(), byState, remediation.size(), mean, percentile(remediation, 90), breaches);
    }

    /** Nearest-rank percentile of sorted millisecond values, in seconds; null for none. */
    static Double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return seconds(sorted.get(Math.max(0, rank - 1)));
    }

    private static double seconds(double millis) {
        return Math.round(millis) / 1000.0;
    }
}
