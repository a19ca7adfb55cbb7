package dev.logredact.it;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A real OTLP/HTTP logs receiver on a loopback port: takes {@code POST /v1/logs} as a collector with a
 * bearer token does (200, or 401 for a wrong token), keeps every request as sent and gunzipped, and reads
 * each body with protobuf's JSON parser into the OTLP request type, which refuses unknown fields and
 * wrongly typed values.
 */
final class OtlpCollector implements AutoCloseable {
    private final HttpServer server;
    private final String token;
    private final int status;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private OtlpCollector(String token, int status) throws IOException {
        this.token = token;
        this.status = status;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers 200 to requests with {@code Authorization: Bearer token}, 401 to others. */
    static OtlpCollector withToken(String token) throws IOException {
        return new OtlpCollector(token, 200);
    }

    /** Answers every request with {@code status} and a {@code google.rpc.Status} body. */
    static OtlpCollector answering(int status) throws IOException {
        return new OtlpCollector(null, status);
    }

    /** A loopback URL nothing listens on: a collector that is down. */
    static URI down() throws IOException {
        try (ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + reserved.getLocalPort());
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    /** Every record of every request answered 200, in the order received. */
    List<Event> events() {
        List<Event> events = new ArrayList<>();
        for (Request request : requests()) {
            if (request.status == 200) {
                events.addAll(request.events());
            }
        }
        return events;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] sent = readAll(exchange.getRequestBody());
        boolean gzip = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        int answer = token == null ? status : ("Bearer " + token).equals(authorization) ? 200 : 401;
        Request request = new Request(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"), gzip, sent,
                gzip ? readAll(new GZIPInputStream(new ByteArrayInputStream(sent))) : sent, answer);
        requests.add(request);
        byte[] body = (answer == 200 ? "{}" : "{\"code\":" + (answer == 401 ? 16 : 3) + ",\"message\":\"refused by the test\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (InputStream stream = in) {
            return stream.readAllBytes();
        }
    }

    /** One request as received. */
    static final class Request {
        /** Such as {@code POST /v1/logs}. */
        final String target;
        final String contentType;
        final boolean gzip;
        /** The body as sent, gzipped when {@link #gzip}. */
        final byte[] sent;
        final byte[] body;
        final int status;

        Request(String target, String contentType, boolean gzip, byte[] sent, byte[] body, int status) {
            this.target = target;
            this.contentType = contentType;
            this.gzip = gzip;
            this.sent = sent;
            this.body = body;
            this.status = status;
        }

        ExportLogsServiceRequest parsed() {
            ExportLogsServiceRequest.Builder b = ExportLogsServiceRequest.newBuilder();
            try {
                JsonFormat.parser().merge(new String(body, StandardCharsets.UTF_8), b);
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError("not an OTLP/JSON logs request: " + e.getMessage(), e);
            }
            return b.build();
        }

        List<Event> events() {
            List<Event> events = new ArrayList<>();
            for (ResourceLogs resource : parsed().getResourceLogsList()) {
                Map<String, String> attributes = attributes(resource.getResource().getAttributesList());
                for (ScopeLogs scope : resource.getScopeLogsList()) {
                    for (LogRecord record : scope.getLogRecordsList()) {
                        events.add(new Event(attributes, record));
                    }
                }
            }
            return events;
        }
    }

    /** One log record with its resource, values as text (strings, and integers in decimal). */
    static final class Event {
        final Map<String, String> resource;
        final Map<String, String> attributes;
        final String eventName;
        final int severity;
        final String body;

        Event(Map<String, String> resource, LogRecord record) {
            this.resource = resource;
            this.attributes = attributes(record.getAttributesList());
            this.eventName = record.getEventName();
            this.severity = record.getSeverityNumberValue();
            this.body = record.getBody().getStringValue();
        }

        String get(String attribute) {
            return attributes.get(attribute);
        }

        long count() {
            return Long.parseLong(attributes.get("logredact.count"));
        }

        String instance() {
            return resource.get("service.instance.id");
        }

        @Override
        public String toString() {
            return eventName + " " + attributes;
        }
    }

    private static Map<String, String> attributes(List<KeyValue> keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (KeyValue kv : keyValues) {
            AnyValue v = kv.getValue();
            String previous = m.put(kv.getKey(), v.hasIntValue() ? Long.toString(v.getIntValue()) : v.getStringValue());
            if (previous != null) {
                throw new AssertionError("attribute " + kv.getKey() + " set twice");
            }
        }
        return m;
    }
}
