package dev.logredact.collector.server;

import com.google.protobuf.CodedInputStream;
import dev.logredact.collector.testing.CollectorClient;
import dev.logredact.collector.testing.OtlpEvents;
import dev.logredact.collector.testing.RunningCollector;
import dev.logredact.collector.testing.TestCollector;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static dev.logredact.collector.testing.CollectorClient.JSON;
import static dev.logredact.collector.testing.CollectorClient.PROTOBUF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With {@code --token}, the receiver and the API want it; the health check and the page do not. */
class AuthTest extends RunningCollector {
    private static final String TOKEN = "collector-test-token-4f8a1c";

    @Override
    protected TestCollector.Options options() {
        return new TestCollector.Options().token(TOKEN);
    }

    private byte[] event() {
        return OtlpEvents.json(OtlpEvents.event(OtlpEvents.fingerprint(1), "DB_PASSWORD", "https://github.com/acme/shop",
                Instant.parse("2026-02-01T00:00:00Z"))).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void ingestWithoutTheTokenIs401InTheRequestsEncoding() throws Exception {
        for (String token : new String[] {null, "wrong", TOKEN + "x", TOKEN.substring(1)}) {
            HttpResponse<byte[]> r = client.withToken(token).postLogs(JSON, event());
            assertEquals(401, r.statusCode());
            assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(16, CollectorClient.parse(r.body()).get("code").asInt());
        }
        HttpResponse<byte[]> proto = client.withToken(null).postLogs(PROTOBUF, OtlpEvents.protobuf());
        assertEquals(401, proto.statusCode());
        CodedInputStream in = CodedInputStream.newInstance(proto.body());
        in.readTag();
        assertEquals(16, in.readInt32());
        assertEquals(0, client.getJson("/api/v1/events").get("total").asInt());
    }

    @Test
    void ingestWithTheTokenIsStored() {
        assertEquals(200, client.postLogs(JSON, event()).statusCode());
        assertEquals(1, client.getJson("/api/v1/events").get("total").asInt());
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        HttpResponse<byte[]> r = client.withToken(null).postLogs(JSON, event(), "Authorization", "bearer " + TOKEN);
        assertEquals(200, r.statusCode());
    }

    @Test
    void theApiWantsTheTokenAndSaysSo() {
        CollectorClient anonymous = client.withToken(null);
        for (String path : new String[] {"/api/v1/incidents", "/api/v1/incidents/1", "/api/v1/events", "/api/v1/stats"}) {
            HttpResponse<String> r = anonymous.get(path);
            assertEquals(401, r.statusCode(), path);
            assertEquals("a valid bearer token is required", CollectorClient.parse(r.body().getBytes(StandardCharsets.UTF_8))
                    .get("message").asText());
        }
        assertEquals(401, anonymous.patch("/api/v1/incidents/1", JSON, "{\"state\":\"revoked\"}").statusCode());
        assertEquals(200, client.get("/api/v1/stats").statusCode());
    }

    @Test
    void healthAndPageAreOpen() {
        CollectorClient anonymous = client.withToken(null);
        assertEquals("ok", anonymous.getJson("/healthz").get("status").asText());
        HttpResponse<String> page = anonymous.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("logredact collector"));
    }
}
