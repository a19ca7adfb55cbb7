package dev.logredact.collector.model;

/**
 * One exposed secret (one fingerprint) and what was done about it. {@code repository} is where it was
 * first seen; times are epoch milliseconds.
 */
public record Incident(
        long id,
        String fingerprint,
        String rule,
        String kind,
        String secretName,
        String repository,
        long firstSeen,
        long lastSeen,
        long occurrences,
        long redactions,
        IncidentState state,
        String stateBy,
        long stateAt,
        String assignee,
        String owner,
        Integer slaHours,
        int reopenedCount) {

    private static final long HOUR = 3_600_000L;

    /** Time from first exposure to rotation or revocation; null while not remediated. */
    public Long timeToRemediate() {
        return state.remediated() ? Math.max(0, stateAt - firstSeen) : null;
    }

    /** When the owner's SLA runs out; null without an SLA. */
    public Long slaDueAt() {
        return slaHours == null ? null : firstSeen + slaHours * HOUR;
    }

    /** Open past the SLA, or remediated after it ran out. False positives and accepted risks never breach. */
    public boolean slaBreached(long now) {
        Long due = slaDueAt();
        if (due == null) {
            return false;
        }
        if (state == IncidentState.OPEN) {
            return now > due;
        }
        return state.remediated() && stateAt > due;
    }
}
