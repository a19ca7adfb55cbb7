package dev.logredact.collector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Talks to a running collector over real HTTP (java.net.http). */
public final class CollectorClient {
    public static final String JSON = "application/json";
    public static final String PROTOBUF = "application/x-protobuf";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;

    public CollectorClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public CollectorClient withToken(String other) {
        return new CollectorClient(base, other);
    }

    public URI base() {
        return base;
    }

    /** POST /v1/logs; {@code headers} are name, value pairs. */
    public HttpResponse<byte[]> postLogs(String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = request("/v1/logs").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POST /v1/logs with OTLP/JSON; the response body parsed, after checking the status. */
    public JsonNode postJson(String json, int expectedStatus) {
        HttpResponse<byte[]> r = postLogs(JSON, json.getBytes(StandardCharsets.UTF_8));
        assertEquals(expectedStatus, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        return parse(r.body());
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET, expecting 200, parsed. */
    public JsonNode getJson(String pathAndQuery) {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(200, r.statusCode(), r::body);
        return parse(r.body().getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> patch(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** PATCH with JSON, expecting 200, parsed. */
    public JsonNode patchJson(String path, String body) {
        HttpResponse<String> r = patch(path, JSON, body);
        assertEquals(200, r.statusCode(), r::body);
        return parse(r.body().getBytes(StandardCharsets.UTF_8));
    }

    public static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
