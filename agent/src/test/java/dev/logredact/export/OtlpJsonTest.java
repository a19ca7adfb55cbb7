package dev.logredact.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.logredact.mask.Span;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encoded lines are OTLP/JSON exactly: what protobuf's parser for the OTLP request accepts, field by field. */
class OtlpJsonTest {
    private static final String PAT = "ghp_" + "Kx7Qm2Wn9Lp4Rt6Vy8Bz1Cd3Fg5Hj7Mk9Np2Q";
    private static final String FINGERPRINT = "v1:0c1d2e3f405162738495a6b7c8d9eaf0";
    /** 2026-01-01T00:00:00.123456789Z: beyond what a JSON number holds exactly. */
    private static final long TIME = 1767225600123456789L;
    private static final long OBSERVED = 1767225601000000000L;

    private static Map<String, Object> resource() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service.name", "logredact-agent");
        r.put("service.version", "0.1.0");
        r.put("process.pid", 4242L);
        r.put("cicd.pipeline.name", "CI");
        return r;
    }

    private static RedactionEvent event(String label, Span.Kind kind, String name, String channel, String logger, String thread,
                                        long count, long seq) {
        Span span = new Span(0, 10, label, kind, name, "plain", FINGERPRINT);
        return RedactionEvent.of(span, channel, logger, thread, TIME).withCount(count).numbered(seq, UUID.randomUUID());
    }

    private static OtlpJson encoder() {
        return new OtlpJson(resource(), "0.1.0", UnaryOperator.identity());
    }

    @Test
    void oneLineParsesAsAnOtlpLogsRequestWithEveryContractField() {
        RedactionEvent stdout = event("github-pat", Span.Kind.PATTERN, null, "stdout", null, "main", 3, 7);
        RedactionEvent logback = event("env:DB_PASSWORD", Span.Kind.LITERAL, "DB_PASSWORD", "logback", "com.acme.Db", "pool-1", 1, 8);
        List<OtlpJson.Line> lines = encoder().lines(List.of(stdout, logback), OBSERVED);
        assertEquals(1, lines.size());
        assertEquals(2, lines.get(0).records);
        assertEquals(4, lines.get(0).maskings);
        assertFalse(lines.get(0).json.contains("\n"), "one line");

        ExportLogsServiceRequest request = OtlpRequests.parse(lines.get(0).json);
        assertEquals(1, request.getResourceLogsCount());
        assertEquals(Map.of("service.name", "logredact-agent", "service.version", "0.1.0", "process.pid", "4242",
                "cicd.pipeline.name", "CI"), OtlpRequests.attributes(request.getResourceLogs(0).getResource().getAttributesList()));
        assertTrue(request.getResourceLogs(0).getResource().getAttributesList().stream()
                .anyMatch(kv -> kv.getKey().equals("process.pid") && kv.getValue().getIntValue() == 4242));
        ScopeLogs scope = request.getResourceLogs(0).getScopeLogs(0);
        assertEquals("dev.logredact.agent", scope.getScope().getName());
        assertEquals("0.1.0", scope.getScope().getVersion());

        LogRecord first = scope.getLogRecords(0);
        assertEquals(TIME, first.getTimeUnixNano());
        assertEquals(OBSERVED, first.getObservedTimeUnixNano());
        assertEquals(SeverityNumber.SEVERITY_NUMBER_WARN, first.getSeverityNumber());
        assertEquals("WARN", first.getSeverityText());
        assertEquals("logredact.secret.redacted", first.getEventName());
        assertEquals("Masked github-pat (plain) on stdout 3 times; rotate it", first.getBody().getStringValue());
        Map<String, String> a = OtlpRequests.attributes(first.getAttributesList());
        assertEquals("github-pat", a.get("logredact.rule.id"));
        assertEquals("pattern", a.get("logredact.secret.kind"));
        assertFalse(a.containsKey("logredact.secret.name"), "a rule finding has no secret name");
        assertEquals(FINGERPRINT, a.get("logredact.secret.fingerprint"));
        assertEquals("plain", a.get("logredact.variant"));
        assertEquals("stdout", a.get("logredact.channel"));
        assertEquals("stdout", a.get("log.iostream"));
        assertFalse(a.containsKey("logredact.logger"));
        assertEquals("main", a.get("logredact.thread"));
        assertEquals("3", a.get("logredact.count"));
        assertEquals("7", a.get("logredact.event.seq"));
        assertEquals(stdout.uid.toString(), a.get("log.record.uid"));

        Map<String, String> b = OtlpRequests.attributes(scope.getLogRecords(1).getAttributesList());
        assertEquals("literal", b.get("logredact.secret.kind"));
        assertEquals("DB_PASSWORD", b.get("logredact.secret.name"));
        assertEquals("com.acme.Db", b.get("logredact.logger"));
        assertFalse(b.containsKey("log.iostream"), "log.iostream is for stdout and stderr only");
        assertEquals("Masked env:DB_PASSWORD (plain) on logback; rotate it", scope.getLogRecords(1).getBody().getStringValue());
    }

    /** What protobuf's parser would also take in other spellings: the OTLP JSON mapping allows only these. */
    @Test
    void theJsonUsesTheOtlpSpellings() throws IOException {
        String json = encoder().lines(List.of(event("github-pat", Span.Kind.PATTERN, null, "stderr", null, "main", 1, 1)),
                OBSERVED).get(0).json;
        Map<String, JsonToken> types = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    assertFalse(name.contains("_"), "lowerCamelCase, not snake_case: " + name);
                    types.put(name, p.nextToken());
                }
            }
        }
        assertEquals(JsonToken.VALUE_STRING, types.get("timeUnixNano"), "64-bit integers are strings");
        assertEquals(JsonToken.VALUE_STRING, types.get("observedTimeUnixNano"));
        assertEquals(JsonToken.VALUE_STRING, types.get("intValue"));
        assertEquals(JsonToken.VALUE_NUMBER_INT, types.get("severityNumber"), "enums are integers");
        assertTrue(json.contains("\"severityNumber\":13"), json);
        assertTrue(json.startsWith("{\"resourceLogs\":[{\"resource\":{\"attributes\":["), json);
    }

    @Test
    void oddNamesAreEscapedCutAndMadeValid() {
        String control = "worker \"1\"\n\t\u0000\u001b[31m \\ end";
        String unicode = "Überprüfung-线程-\uD83D\uDE80";
        String lone = "half \uD800 surrogate \uDC00";
        String tooLong = "x".repeat(5000);
        List<RedactionEvent> events = new ArrayList<>();
        for (String name : new String[] {control, unicode, lone, tooLong}) {
            events.add(event("github-pat", Span.Kind.PATTERN, null, "log4j2", name, name, 1, events.size() + 1));
        }
        List<LogRecord> records = OtlpRequests.records(List.of(encoder().lines(events, OBSERVED).get(0).json));
        assertEquals(control, OtlpRequests.attributes(records.get(0).getAttributesList()).get("logredact.thread"));
        assertEquals(control, OtlpRequests.attributes(records.get(0).getAttributesList()).get("logredact.logger"));
        assertEquals(unicode, OtlpRequests.attributes(records.get(1).getAttributesList()).get("logredact.thread"));
        assertEquals("half \uFFFD surrogate \uFFFD", OtlpRequests.attributes(records.get(2).getAttributesList()).get("logredact.thread"));
        assertEquals(OtlpJson.MAX_TEXT, OtlpRequests.attributes(records.get(3).getAttributesList()).get("logredact.thread").length());
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String name = "x".repeat(OtlpJson.MAX_TEXT - 1) + "\uD83D\uDE80";
        RedactionEvent e = event("github-pat", Span.Kind.PATTERN, null, "stdout", null, name, 1, 1);
        String thread = OtlpRequests.attributes(OtlpRequests.records(List.of(encoder().lines(List.of(e), OBSERVED).get(0).json))
                .get(0).getAttributesList()).get("logredact.thread");
        assertEquals("x".repeat(OtlpJson.MAX_TEXT - 1), thread);
    }

    @Test
    void batchesAreCutByRecordsAndBytes() {
        List<RedactionEvent> events = new ArrayList<>();
        for (int i = 1; i <= 1300; i++) {
            events.add(event("github-pat", Span.Kind.PATTERN, null, "stdout", null, "t" + i, 1, i));
        }
        List<OtlpJson.Line> byCount = encoder().lines(events, OBSERVED);
        assertEquals(List.of(512, 512, 276), byCount.stream().map(l -> l.records).toList());
        List<String> json = byCount.stream().map(l -> l.json).toList();
        List<LogRecord> records = OtlpRequests.records(json);
        assertEquals(1300, records.size());
        for (int i = 0; i < records.size(); i++) {
            assertEquals(Long.toString(i + 1), OtlpRequests.attributes(records.get(i).getAttributesList()).get("logredact.event.seq"));
        }

        int maxBytes = 4096;
        List<OtlpJson.Line> byBytes = new OtlpJson(resource(), "0.1.0", UnaryOperator.identity(), 512, maxBytes)
                .lines(events.subList(0, 100), OBSERVED);
        int oneRecord = encoder().lines(events.subList(0, 1), OBSERVED).get(0).json.length();
        assertTrue(byBytes.size() > 1, "cut by size");
        for (OtlpJson.Line l : byBytes) {
            assertTrue(l.json.length() < maxBytes + oneRecord, "at most one record past the limit");
        }
        assertEquals(100, byBytes.stream().mapToInt(l -> l.records).sum());
        assertEquals(100, OtlpRequests.records(byBytes.stream().map(l -> l.json).toList()).size());
    }

    @Test
    void noEventsNoLine() {
        assertTrue(encoder().lines(List.of(), OBSERVED).isEmpty());
    }

    @Test
    void textsFromTheApplicationAndEnvironmentAreScrubbed() {
        UnaryOperator<String> scrub = s -> s.replace(PAT, "[REDACTED:github-pat]");
        Map<String, Object> resource = resource();
        resource.put("cicd.pipeline.name", "deploy with " + PAT);
        RedactionEvent e = event("github-pat", Span.Kind.PATTERN, null, "jul", "logger-" + PAT, "thread-" + PAT, 1, 1);
        String json = new OtlpJson(resource, "0.1.0", scrub).lines(List.of(e), OBSERVED).get(0).json;
        assertFalse(json.contains(PAT), json);
        Map<String, String> a = OtlpRequests.attributes(OtlpRequests.records(List.of(json)).get(0).getAttributesList());
        assertEquals("thread-[REDACTED:github-pat]", a.get("logredact.thread"));
        assertEquals("logger-[REDACTED:github-pat]", a.get("logredact.logger"));
        assertTrue(json.contains("deploy with [REDACTED:github-pat]"), json);
    }

    @Test
    void aRecordWithoutSecretNameOrLoggerOmitsThem() {
        RedactionEvent e = event("private-key", Span.Kind.PATTERN, null, "stdout", null, "main", 1, 1);
        Map<String, String> a = OtlpRequests.attributes(OtlpRequests.records(List.of(encoder().lines(List.of(e), OBSERVED)
                .get(0).json)).get(0).getAttributesList());
        assertNull(a.get("logredact.secret.name"));
        assertNull(a.get("logredact.logger"));
        assertEquals(10, a.size(), a.toString());
    }
}
