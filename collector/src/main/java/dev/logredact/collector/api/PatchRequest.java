package dev.logredact.collector.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logredact.collector.incident.Triage;
import dev.logredact.collector.ingest.SecretCheck;
import dev.logredact.collector.model.IncidentState;

import java.util.Iterator;
import java.util.Set;

/**
 * The body of {@code PATCH /api/v1/incidents/{id}}: {@code {"state":"revoked","assignee":"alice","by":"bob"}}.
 * {@code state} and {@code assignee} are each optional but one is needed; {@code "assignee": null} clears
 * it; {@code by} names who acted (default {@code api}). Unknown fields are refused, and so is a name that
 * looks like a secret, since it would be stored.
 */
final class PatchRequest {
    private static final Set<String> FIELDS = Set.of("state", "assignee", "by");
    private static final int MAX_NAME = 200;
    static final String DEFAULT_ACTOR = "api";

    private PatchRequest() {
    }

    static Triage.Change parse(String body, ObjectMapper json, SecretCheck secrets) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("body", "must be a JSON object such as {\"state\":\"revoked\",\"by\":\"alice\"}");
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest("body", "must be a JSON object such as {\"state\":\"revoked\",\"by\":\"alice\"}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiError.badRequest(name, "unknown field (allowed: assignee, by, state)");
            }
        }
        if (!root.has("state") && !root.has("assignee")) {
            throw ApiError.badRequest("body", "give state, assignee or both");
        }
        IncidentState state = null;
        if (root.has("state")) {
            String s = string(root, "state", false, secrets);
            try {
                state = IncidentState.parse(s);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("state", e.getMessage());
            }
        }
        String assignee = root.has("assignee") ? string(root, "assignee", true, secrets) : null;
        String actor = root.has("by") ? string(root, "by", false, secrets) : DEFAULT_ACTOR;
        return new Triage.Change(state, root.has("assignee"), assignee, actor);
    }

    private static String string(JsonNode root, String field, boolean nullable, SecretCheck secrets) {
        JsonNode v = root.get(field);
        if (v.isNull() && nullable) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiError.badRequest(field, nullable ? "must be a string or null" : "must be a string");
        }
        String s = v.asText().trim();
        if (s.isEmpty() || s.length() > MAX_NAME) {
            throw ApiError.badRequest(field, "must have 1 to " + MAX_NAME + " characters");
        }
        String rule = secrets.ruleFound(s);
        if (rule != null) {
            throw ApiError.badRequest(field, "looks like a secret (rule " + rule + "); not stored");
        }
        return s;
    }
}
