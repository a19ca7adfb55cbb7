package dev.logredact.collector.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logredact.collector.testing.CollectorClient;
import dev.logredact.collector.testing.OtlpEvents;
import dev.logredact.collector.testing.RunningCollector;
import dev.logredact.collector.testing.SampleOwners;
import dev.logredact.collector.testing.TestCollector;
import dev.logredact.testing.FakeSecrets;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.logredact.collector.testing.CollectorClient.JSON;
import static dev.logredact.collector.testing.OtlpEvents.event;
import static dev.logredact.collector.testing.OtlpEvents.fingerprint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incident lifecycle through the running server: events in over OTLP, incidents out of the API,
 * automatic rotation and reopening, triage by PATCH, and the API's strictness.
 */
class IncidentApiTest extends RunningCollector {
    private static final String SHOP = "https://github.com/acme/shop";
    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");

    @Override
    protected TestCollector.Options options() {
        return new TestCollector.Options().owners(SampleOwners.rules());
    }

    private void send(int fingerprint, String secretName, Duration after) {
        client.postJson(OtlpEvents.json(event(fingerprint(fingerprint), secretName, SHOP, T0.plus(after))), 200);
    }

    private JsonNode incidentOf(int fingerprint) {
        JsonNode items = client.getJson("/api/v1/incidents?q=" + fingerprint(fingerprint).substring(3)).get("items");
        assertEquals(1, items.size());
        return items.get(0);
    }

    @Test
    void rotationIsNoticedAndARegressionReopens() {
        send(1, "DB_PASSWORD", Duration.ZERO);
        send(1, "DB_PASSWORD", Duration.ofHours(1));
        JsonNode opened = incidentOf(1);
        assertEquals("open", opened.get("state").asText());
        assertEquals("team-db", opened.get("owner").asText());
        assertEquals(24, opened.get("slaHours").asInt());
        assertEquals("2026-02-02T08:00:00Z", opened.get("slaDueAt").asText());
        assertEquals(2, opened.get("occurrences").asInt());
        assertEquals(List.of(SHOP), strings(opened.get("repositories")));
        assertEquals(List.of("test"), strings(opened.get("jobs")));

        send(2, "DB_PASSWORD", Duration.ofHours(6));
        JsonNode rotated = client.getJson("/api/v1/incidents/" + opened.get("id").asInt());
        assertEquals("rotated", rotated.get("incident").get("state").asText());
        assertEquals("auto", rotated.get("incident").get("stateBy").asText());
        assertEquals(6 * 3600.0, rotated.get("incident").get("timeToRemediateSeconds").asDouble());
        assertFalse(rotated.get("incident").get("slaBreached").asBoolean(), "rotated within 24 h");
        assertEquals(2, rotated.get("eventsTotal").asInt());
        assertEquals(SHOP + "/actions/runs/1234567", rotated.get("events").get(0).get("runUrl").asText());
        JsonNode change = rotated.get("history").get(0);
        assertEquals("2026-02-01T14:00:00Z", change.get("at").asText());
        assertEquals("auto", change.get("by").asText());
        assertEquals("state", change.get("field").asText());
        assertEquals("open", change.get("from").asText());
        assertEquals("rotated", change.get("to").asText());

        send(1, "DB_PASSWORD", Duration.ofHours(30));
        JsonNode reopened = incidentOf(1);
        assertEquals("open", reopened.get("state").asText());
        assertEquals(1, reopened.get("reopenedCount").asInt());
        assertTrue(reopened.get("timeToRemediateSeconds").isNull());
    }

    @Test
    void peopleTriageWithPatchAndEveryChangeIsInTheHistory() {
        send(1, "DB_PASSWORD", Duration.ZERO);
        String path = "/api/v1/incidents/" + incidentOf(1).get("id").asInt();
        collector.clock.set(T0.plus(Duration.ofHours(30)));
        JsonNode assigned = client.patchJson(path, "{\"assignee\":\"alice\",\"by\":\"bob\"}");
        assertEquals("alice", assigned.get("assignee").asText());
        assertEquals("open", assigned.get("state").asText());
        JsonNode revoked = client.patchJson(path, "{\"state\":\"revoked\",\"by\":\"alice\"}");
        assertEquals("revoked", revoked.get("state").asText());
        assertEquals("alice", revoked.get("stateBy").asText());
        assertEquals("2026-02-02T14:00:00Z", revoked.get("stateAt").asText());
        assertEquals(30 * 3600.0, revoked.get("timeToRemediateSeconds").asDouble());
        assertTrue(revoked.get("slaBreached").asBoolean(), "revoked after the 24 h SLA ran out");
        JsonNode cleared = client.patchJson(path, "{\"assignee\":null}");
        assertTrue(cleared.get("assignee").isNull());

        JsonNode history = client.getJson(path).get("history");
        assertEquals(3, history.size());
        assertEquals("bob", history.get(0).get("by").asText());
        assertEquals("assignee", history.get(0).get("field").asText());
        assertTrue(history.get(0).get("from").isNull());
        assertEquals("revoked", history.get(1).get("to").asText());
        assertEquals("api", history.get(2).get("by").asText(), "who, when the client does not say");
        assertEquals("alice", history.get(2).get("from").asText());
    }

    @Test
    void patchIsStrictAndSaysWhichField() {
        send(1, "DB_PASSWORD", Duration.ZERO);
        String path = "/api/v1/incidents/" + incidentOf(1).get("id").asInt();
        assertBad(path, "{\"state\":\"fixed\"}", "state", "state: must be one of open, rotated, revoked, false_positive, accepted");
        assertBad(path, "{\"state\":\"revoked\",\"note\":\"x\"}", "note", "note: unknown field (allowed: assignee, by, state)");
        assertBad(path, "{\"by\":\"alice\"}", "body", "body: give state, assignee or both");
        assertBad(path, "{\"assignee\":42}", "assignee", "assignee: must be a string or null");
        assertBad(path, "{\"state\":\"open\",\"by\":\"\"}", "by", "by: must have 1 to 200 characters");
        assertBad(path, "[1]", "body", "body: must be a JSON object such as {\"state\":\"revoked\",\"by\":\"alice\"}");
        assertBad(path, "{\"state\":", "body", "body: must be a JSON object such as {\"state\":\"revoked\",\"by\":\"alice\"}");
        String pat = new FakeSecrets(5).githubPat();
        HttpResponse<String> secret = client.patch(path, JSON, "{\"assignee\":\"" + pat + "\"}");
        assertEquals(400, secret.statusCode());
        assertEquals("assignee: looks like a secret (rule github-pat); not stored", body(secret).get("message").asText());
        assertFalse(secret.body().contains(pat));

        assertEquals(415, client.patch(path, "text/plain", "{\"state\":\"revoked\"}").statusCode());
        HttpResponse<String> missing = client.patch("/api/v1/incidents/999", JSON, "{\"state\":\"revoked\"}");
        assertEquals(404, missing.statusCode());
        assertEquals("no incident 999", body(missing).get("message").asText());
        assertEquals("id", body(client.get("/api/v1/incidents/abc")).get("field").asText());
        assertEquals("open", incidentOf(1).get("state").asText(), "nothing above changed it");
    }

    private void assertBad(String path, String json, String field, String message) {
        HttpResponse<String> r = client.patch(path, JSON, json);
        assertEquals(400, r.statusCode(), r::body);
        JsonNode error = body(r);
        assertEquals(400, error.get("status").asInt());
        assertEquals(field, error.get("field").asText());
        assertEquals(message, error.get("message").asText());
    }

    @Test
    void listsFilterAndPageThroughQueryParameters() {
        for (int n = 1; n <= 7; n++) {
            send(n, n <= 4 ? "DB_PASSWORD_" + n : "API_TOKEN_" + n, Duration.ofMinutes(n));
        }
        JsonNode page = client.getJson("/api/v1/incidents?limit=3&offset=3");
        assertEquals(7, page.get("total").asInt());
        assertEquals(3, page.get("limit").asInt());
        assertEquals(3, page.get("offset").asInt());
        assertEquals(List.of(fingerprint(4), fingerprint(3), fingerprint(2)), fingerprints(page));
        assertEquals(4, client.getJson("/api/v1/incidents?owner=team-db").get("total").asInt());
        assertEquals(3, client.getJson("/api/v1/incidents?owner=security").get("total").asInt());
        assertEquals(1, client.getJson("/api/v1/incidents?rule=env:API_TOKEN_6").get("total").asInt());
        assertEquals(7, client.getJson("/api/v1/incidents?repository=" + SHOP + "&state=open").get("total").asInt());
        assertEquals(0, client.getJson("/api/v1/incidents?state=rotated,revoked&state=accepted").get("total").asInt());
        assertEquals(List.of(fingerprint(2), fingerprint(1)),
                fingerprints(client.getJson("/api/v1/incidents?sort=id&limit=2&offset=5")));
        assertEquals(7, client.getJson("/api/v1/events?repository=" + SHOP).get("total").asInt());
        assertEquals(2, client.getJson("/api/v1/events?since=2026-02-01T08:02:00Z&until=2026-02-01T08:04:00Z").get("total").asInt());
        long id = incidentOf(5).get("id").asLong();
        assertEquals(fingerprint(5), client.getJson("/api/v1/events?incident=" + id).get("items").get(0).get("fingerprint").asText());

        assertParamError("/api/v1/incidents?limit=0", "limit", "limit: must be a whole number from 1 to 500");
        assertParamError("/api/v1/incidents?limit=9999", "limit", "limit: must be a whole number from 1 to 500");
        assertParamError("/api/v1/incidents?offset=-1", "offset", "offset: must be a whole number from 0 up");
        assertParamError("/api/v1/incidents?state=closed", "state", "state: must be one of open, rotated, revoked, false_positive, accepted");
        assertParamError("/api/v1/incidents?sort=name", "sort", "sort: must be one of lastSeen, firstSeen, occurrences, id");
        assertParamError("/api/v1/incidents?owner=a&owner=b", "owner", "owner: given more than once");
        assertParamError("/api/v1/incidents?page=2", "page",
                "page: unknown query parameter (allowed: assignee, limit, offset, owner, q, repository, rule, secretName, sort, state)");
        assertParamError("/api/v1/events?since=yesterday", "since", "since: must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        assertParamError("/api/v1/events?incident=0", "incident", "incident: must be a whole number from 1 up");
        assertParamError("/api/v1/stats?x=1", "x", "x: unknown query parameter (this endpoint takes none)");
    }

    private void assertParamError(String pathAndQuery, String field, String message) {
        HttpResponse<String> r = client.get(pathAndQuery);
        assertEquals(400, r.statusCode(), r::body);
        assertEquals(field, body(r).get("field").asText());
        assertEquals(message, body(r).get("message").asText());
    }

    @Test
    void statsSayWhatIsOpenHowFastItIsFixedAndWhatIsLate() {
        send(1, "DB_PASSWORD", Duration.ZERO);
        send(2, "DB_PASSWORD", Duration.ofHours(2));
        send(3, "API_TOKEN", Duration.ZERO);
        JsonNode stats = client.getJson("/api/v1/stats");
        assertEquals(3, stats.get("incidents").asInt());
        assertEquals(2, stats.get("open").asInt());
        assertEquals(1, stats.get("byState").get("rotated").asInt());
        assertEquals(0, stats.get("byState").get("false_positive").asInt());
        assertEquals(1, stats.get("remediated").asInt());
        assertEquals(7200.0, stats.get("meanTimeToRemediateSeconds").asDouble());
        assertEquals(7200.0, stats.get("p90TimeToRemediateSeconds").asDouble());
        assertEquals(2, stats.get("slaBreaches").asInt(), "now is 2026-03-01: DB_PASSWORD's second value is open past team-db's "
                + "24 h, API_TOKEN past security's 72 h; the first value was rotated in time");
        assertEquals("2026-03-01T00:00:00Z", stats.get("generatedAt").asText());
        assertEquals(3, stats.get("events").asInt());
        JsonNode byOwner = stats.get("byOwner");
        assertEquals(2, byOwner.size());
        assertEquals(SHOP, stats.get("byRepository").get(0).get("key").asText());
        assertEquals(3, stats.get("ingest").get("stored").asInt());
        JsonNode days = stats.get("byDay");
        assertEquals(30, days.size(), "the last 30 days, each present");
        assertEquals("2026-01-31", days.get(0).get("day").asText());
        JsonNode leakDay = days.get(1);
        assertEquals("2026-02-01", leakDay.get("day").asText());
        assertEquals(3, leakDay.get("events").asInt());
        assertEquals(3, leakDay.get("redactions").asInt());
        assertEquals(3, leakDay.get("newIncidents").asInt());
        assertEquals("2026-03-01", days.get(29).get("day").asText());
        assertEquals(0, days.get(29).get("events").asInt());
    }

    private static JsonNode body(HttpResponse<String> r) {
        return CollectorClient.parse(r.body().getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> fingerprints(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(n -> out.add(n.get("fingerprint").asText()));
        return out;
    }
}
