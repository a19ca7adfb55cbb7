package dev.logredact.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Encodes redaction events as OTLP/JSON lines, one {@code ExportLogsServiceRequest} each, as the OTLP
 * file exporter writes them and {@code POST /v1/logs} takes them: lowerCamelCase names, enums as
 * integers, 64-bit integers as decimal strings (OTLP specification, JSON mapping).
 */
final class OtlpJson {
    static final String EVENT_NAME = "logredact.secret.redacted";
    static final String SCOPE_NAME = "dev.logredact.agent";
    /** The batch bounds of the reporting notes (§4 rule 4), so a collector rarely answers 413. */
    static final int MAX_RECORDS = 512;
    static final int MAX_BYTES = 1 << 20;
    /** Thread and logger names are the application's: long ones are cut. */
    static final int MAX_TEXT = 1024;

    private static final int SEVERITY_WARN = 13;
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final Map<String, Object> resource;
    private final String scopeVersion;
    private final UnaryOperator<String> scrub;
    private final int maxRecords;
    private final int maxBytes;

    /**
     * @param resource attribute key to a String or Long value
     * @param scrub applied to every text that comes from the application or the environment (thread and
     *              logger names, resource values), so that a secret in one of them is masked there too
     */
    OtlpJson(Map<String, Object> resource, String scopeVersion, UnaryOperator<String> scrub, int maxRecords, int maxBytes) {
        this.scrub = scrub;
        this.resource = new LinkedHashMap<>();
        for (Map.Entry<String, Object> a : resource.entrySet()) {
            Object v = a.getValue();
            if (v != null) {
                this.resource.put(a.getKey(), v instanceof Long ? v : scrubbed(v.toString()));
            }
        }
        this.scopeVersion = scopeVersion;
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    OtlpJson(Map<String, Object> resource, String scopeVersion, UnaryOperator<String> scrub) {
        this(resource, scopeVersion, scrub, MAX_RECORDS, MAX_BYTES);
    }

    /** One encoded line, how many records it holds and how many maskings they stand for. */
    static final class Line {
        final String json;
        final int records;
        final long maskings;

        Line(String json, int records, long maskings) {
            this.json = json;
            this.records = records;
            this.maskings = maskings;
        }
    }

    /**
     * The events as lines of at most the maximum records each, cut once a line reaches the maximum
     * bytes; none for no events (senders should not send empty envelopes).
     */
    List<Line> lines(List<RedactionEvent> events, long observedUnixNano) {
        List<Line> lines = new ArrayList<>();
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
            JsonGenerator g = null;
            int records = 0;
            long maskings = 0;
            for (RedactionEvent e : events) {
                if (g == null) {
                    g = open(buffer);
                }
                record(g, e, observedUnixNano);
                records++;
                maskings += e.count;
                g.flush();
                if (records == maxRecords || buffer.size() >= maxBytes) {
                    lines.add(close(g, buffer, records, maskings));
                    g = null;
                    records = 0;
                    maskings = 0;
                }
            }
            if (g != null) {
                lines.add(close(g, buffer, records, maskings));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return lines;
    }

    private JsonGenerator open(ByteArrayOutputStream buffer) throws IOException {
        buffer.reset();
        JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8);
        g.writeStartObject();
        g.writeArrayFieldStart("resourceLogs");
        g.writeStartObject();
        g.writeObjectFieldStart("resource");
        g.writeArrayFieldStart("attributes");
        for (Map.Entry<String, Object> a : resource.entrySet()) {
            if (a.getValue() instanceof Long) {
                intAttribute(g, a.getKey(), (Long) a.getValue());
            } else {
                stringAttribute(g, a.getKey(), (String) a.getValue());
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("scopeLogs");
        g.writeStartObject();
        g.writeObjectFieldStart("scope");
        g.writeStringField("name", SCOPE_NAME);
        g.writeStringField("version", scopeVersion);
        g.writeEndObject();
        g.writeArrayFieldStart("logRecords");
        return g;
    }

    private static Line close(JsonGenerator g, ByteArrayOutputStream buffer, int records, long maskings) throws IOException {
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.close();
        return new Line(new String(buffer.toByteArray(), StandardCharsets.UTF_8), records, maskings);
    }

    private void record(JsonGenerator g, RedactionEvent e, long observedUnixNano) throws IOException {
        g.writeStartObject();
        g.writeStringField("timeUnixNano", Long.toUnsignedString(e.timeUnixNano));
        g.writeStringField("observedTimeUnixNano", Long.toUnsignedString(observedUnixNano));
        g.writeNumberField("severityNumber", SEVERITY_WARN);
        g.writeStringField("severityText", "WARN");
        g.writeObjectFieldStart("body");
        g.writeStringField("stringValue", body(e));
        g.writeEndObject();
        g.writeArrayFieldStart("attributes");
        stringAttribute(g, "logredact.rule.id", e.label);
        stringAttribute(g, "logredact.secret.kind", e.kind.label());
        stringAttribute(g, "logredact.secret.name", e.secretName);
        stringAttribute(g, "logredact.secret.fingerprint", e.fingerprint);
        stringAttribute(g, "logredact.variant", e.variant);
        stringAttribute(g, "logredact.channel", e.channel);
        if ("stdout".equals(e.channel) || "stderr".equals(e.channel)) {
            stringAttribute(g, "log.iostream", e.channel);
        }
        stringAttribute(g, "logredact.logger", scrubbed(e.logger));
        stringAttribute(g, "logredact.thread", scrubbed(e.thread));
        intAttribute(g, "logredact.count", e.count);
        intAttribute(g, "logredact.event.seq", e.seq);
        stringAttribute(g, "log.record.uid", e.uid == null ? null : e.uid.toString());
        g.writeEndArray();
        g.writeStringField("eventName", EVENT_NAME);
        g.writeEndObject();
    }

    /** A sentence for people, from names only: such as {@code Masked github-pat (plain) on stdout; rotate it}. */
    static String body(RedactionEvent e) {
        StringBuilder sb = new StringBuilder("Masked ").append(e.label);
        if (e.variant != null && !e.variant.isEmpty()) {
            sb.append(" (").append(e.variant).append(')');
        }
        sb.append(" on ").append(e.channel);
        if (e.count > 1) {
            sb.append(' ').append(e.count).append(" times");
        }
        return sb.append("; rotate it").toString();
    }

    private static void stringAttribute(JsonGenerator g, String key, String value) throws IOException {
        if (value == null) {
            return;
        }
        g.writeStartObject();
        g.writeStringField("key", key);
        g.writeObjectFieldStart("value");
        g.writeStringField("stringValue", value);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void intAttribute(JsonGenerator g, String key, long value) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", key);
        g.writeObjectFieldStart("value");
        g.writeStringField("intValue", Long.toString(value));
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Scrubbed, cut to {@link #MAX_TEXT} and made valid UTF-16 (a lone surrogate becomes U+FFFD). */
    private String scrubbed(String text) {
        if (text == null) {
            return null;
        }
        String s = scrub.apply(text);
        if (s.length() > MAX_TEXT) {
            int end = Character.isHighSurrogate(s.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
            s = s.substring(0, end);
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                if (sb != null) {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean lone = Character.isSurrogate(c);
            if (lone && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(lone ? '\uFFFD' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
