package dev.logredact.collector.store;

/** Which events to list; null fields do not filter. Times are epoch ms, {@code until} exclusive. */
public record EventFilter(
        String fingerprint,
        Long incidentId,
        String repository,
        String rule,
        String secretName,
        String job,
        String channel,
        String instance,
        Long since,
        Long until) {

    public static final EventFilter ALL = new EventFilter(null, null, null, null, null, null, null, null, null, null);

    public static EventFilter ofFingerprint(String fingerprint) {
        return new EventFilter(fingerprint, null, null, null, null, null, null, null, null, null);
    }
}
