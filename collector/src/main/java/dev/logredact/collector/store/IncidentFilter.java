package dev.logredact.collector.store;

import java.util.List;

/**
 * Which incidents to list; null or empty fields do not filter. {@code repository} matches an incident
 * seen in that repository at least once; {@code q} searches fingerprint, rule, secret name, owner and
 * assignee.
 */
public record IncidentFilter(
        List<String> states,
        String owner,
        String assignee,
        String repository,
        String rule,
        String secretName,
        String q,
        Sort sort) {

    public static final IncidentFilter ALL = new IncidentFilter(List.of(), null, null, null, null, null, null, Sort.LAST_SEEN);

    /** Orders offered to clients; each is newest or largest first, ties broken by id. */
    public enum Sort {
        LAST_SEEN("last_seen"), FIRST_SEEN("first_seen"), OCCURRENCES("occurrences"), ID("id");

        final String column;

        Sort(String column) {
            this.column = column;
        }
    }
}
