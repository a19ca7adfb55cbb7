package dev.logredact.collector.api;

import dev.logredact.collector.model.IncidentState;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict query parameters: an unknown or repeated parameter, or a value out of range, is a 400 that names
 * the parameter and says what it takes.
 */
final class Params {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final int MAX_TEXT = 2048;

    private final Map<String, List<String>> query;

    Params(Context ctx, Set<String> allowed, Set<String> repeatable) {
        this.query = ctx.queryParamMap();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw ApiError.badRequest(e.getKey(), allowed.isEmpty() ? "unknown query parameter (this endpoint takes none)"
                        : "unknown query parameter (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            if (e.getValue().size() > 1 && !repeatable.contains(e.getKey())) {
                throw ApiError.badRequest(e.getKey(), "given more than once");
            }
        }
    }

    /** A text filter; absent or empty is null. */
    String text(String name) {
        List<String> values = query.get(name);
        if (values == null || values.get(0).isEmpty()) {
            return null;
        }
        String v = values.get(0);
        if (v.length() > MAX_TEXT) {
            throw ApiError.badRequest(name, "must be at most " + MAX_TEXT + " characters");
        }
        return v;
    }

    int limit() {
        Long v = integer("limit", 1, MAX_LIMIT);
        return v == null ? DEFAULT_LIMIT : v.intValue();
    }

    long offset() {
        Long v = integer("offset", 0, Long.MAX_VALUE);
        return v == null ? 0 : v;
    }

    Long integer(String name, long min, long max) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw ApiError.badRequest(name, "must be a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max));
    }

    /** An ISO-8601 instant as epoch ms. */
    Long instant(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    /** States, comma separated or repeated; empty for none. */
    List<String> states(String name) {
        List<String> states = new ArrayList<>();
        for (String value : query.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                String s = part.trim();
                if (s.isEmpty()) {
                    continue;
                }
                try {
                    states.add(IncidentState.parse(s).id());
                } catch (IllegalArgumentException e) {
                    throw ApiError.badRequest(name, e.getMessage());
                }
            }
        }
        return states;
    }

    /** One of {@code choices} (exact spelling), or {@code otherwise} when absent. */
    String choice(String name, List<String> choices, String otherwise) {
        String v = text(name);
        if (v == null) {
            return otherwise;
        }
        if (!choices.contains(v)) {
            throw ApiError.badRequest(name, "must be one of " + String.join(", ", choices));
        }
        return v;
    }
}
