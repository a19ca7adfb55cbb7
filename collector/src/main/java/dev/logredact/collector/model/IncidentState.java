package dev.logredact.collector.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where an incident stands. Only {@link #ROTATED} and {@link #REVOKED} count as remediated. */
public enum IncidentState {
    OPEN, ROTATED, REVOKED, FALSE_POSITIVE, ACCEPTED;

    /** The name used in the API, the store and reports: {@code open}, {@code false_positive}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean remediated() {
        return this == ROTATED || this == REVOKED;
    }

    /** @throws IllegalArgumentException naming the states allowed */
    public static IncidentState parse(String id) {
        for (IncidentState s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be one of " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(IncidentState::id).collect(Collectors.joining(", "));
    }
}
