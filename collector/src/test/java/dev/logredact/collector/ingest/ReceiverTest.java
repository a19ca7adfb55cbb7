package dev.logredact.collector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logredact.collector.testing.CollectorClient;
import dev.logredact.collector.testing.OtlpEvents;
import dev.logredact.collector.testing.RunningCollector;
import dev.logredact.collector.testing.OtlpEvents.Record;
import dev.logredact.collector.testing.TestCollector;
import dev.logredact.testing.FakeSecrets;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static dev.logredact.collector.testing.CollectorClient.JSON;
import static dev.logredact.collector.testing.CollectorClient.PROTOBUF;
import static dev.logredact.collector.testing.OtlpEvents.event;
import static dev.logredact.collector.testing.OtlpEvents.fingerprint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /v1/logs} against a running collector: both encodings, gzip, and what it refuses. */
class ReceiverTest extends RunningCollector {
    private static final String REPO = "https://github.com/acme/shop";
    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

    private static Record leak(int n) {
        return event(fingerprint(n), "DB_PASSWORD", REPO, T0.plusSeconds(n));
    }

    @Test
    void jsonEventsAreStoredWithEveryContractField() {
        JsonNode reply = client.postJson(OtlpEvents.json(leak(1), leak(2)), 200);
        assertTrue(reply.isEmpty(), "full success has no partialSuccess: " + reply);

        JsonNode events = client.getJson("/api/v1/events?fingerprint=" + fingerprint(1));
        assertEquals(1, events.get("total").asInt());
        JsonNode e = events.get("items").get(0);
        assertEquals("2026-02-01T10:00:01Z", e.get("time").asText());
        assertEquals("env:DB_PASSWORD", e.get("rule").asText());
        assertEquals("literal", e.get("kind").asText());
        assertEquals("DB_PASSWORD", e.get("secretName").asText());
        assertEquals("plain", e.get("variant").asText());
        assertEquals("stderr", e.get("channel").asText());
        assertEquals("main", e.get("thread").asText());
        assertEquals(1, e.get("count").asInt());
        assertEquals(1, e.get("seq").asInt());
        assertEquals("logredact-agent", e.get("service").asText());
        assertEquals("runner-7", e.get("host").asText());
        assertEquals(4242, e.get("pid").asInt());
        assertEquals("build", e.get("pipeline").asText());
        assertEquals("test", e.get("job").asText());
        assertEquals("1234567", e.get("runId").asText());
        assertEquals(REPO + "/actions/runs/1234567", e.get("runUrl").asText());
        assertEquals(REPO, e.get("repository").asText());
        assertEquals("6f1f0c3d2b100a6b0f2e1c7d4f529a516f1f0c3d", e.get("commit").asText());
        assertEquals("main", e.get("branch").asText());
        assertEquals(2, client.getJson("/api/v1/incidents").get("total").asInt());
    }

    @Test
    void int64AsJsonNumbersAndUnknownFieldsAreAccepted() {
        String json = OtlpEvents.json(true, leak(1))
                .replace("\"severityNumber\"", "\"someFutureField\":{\"x\":[1,2]},\"severityNumber\"");
        client.postJson(json, 200);
        JsonNode e = client.getJson("/api/v1/events").get("items").get(0);
        assertEquals("2026-02-01T10:00:01Z", e.get("time").asText());
        assertEquals(4242, e.get("pid").asInt());
    }

    @Test
    void protobufIsAnsweredInProtobuf() throws Exception {
        HttpResponse<byte[]> r = client.postLogs(PROTOBUF, OtlpEvents.protobuf(leak(1), leak(2), leak(3)));
        assertEquals(200, r.statusCode());
        assertEquals(PROTOBUF, r.headers().firstValue("Content-Type").orElse(""));
        ExportLogsServiceResponse response = ExportLogsServiceResponse.parseFrom(r.body());
        assertFalse(response.hasPartialSuccess());
        assertEquals(3, client.getJson("/api/v1/events").get("total").asInt());
    }

    @Test
    void gzipBodiesInBothEncodings() {
        byte[] json = OtlpEvents.json(leak(1)).getBytes(StandardCharsets.UTF_8);
        assertEquals(200, client.postLogs(JSON, OtlpEvents.gzip(json), "Content-Encoding", "gzip").statusCode());
        byte[] proto = OtlpEvents.protobuf(leak(2));
        assertEquals(200, client.postLogs(PROTOBUF, OtlpEvents.gzip(proto), "Content-Encoding", "gzip").statusCode());
        assertEquals(2, client.getJson("/api/v1/events").get("total").asInt());
    }

    @Test
    void aResentEventIsStoredOnce() {
        Record r = leak(1).uid("01J0000000000000000000RESEND");
        client.postJson(OtlpEvents.json(r), 200);
        client.postJson(OtlpEvents.json(r), 200);
        client.postLogs(PROTOBUF, OtlpEvents.protobuf(r));
        assertEquals(1, client.getJson("/api/v1/events").get("total").asInt());
        JsonNode incident = client.getJson("/api/v1/incidents").get("items").get(0);
        assertEquals(1, incident.get("occurrences").asInt());
        JsonNode ingest = client.getJson("/api/v1/stats").get("ingest");
        assertEquals(1, ingest.get("stored").asInt());
        assertEquals(2, ingest.get("duplicates").asInt());
    }

    @Test
    void withoutUidTheInstanceAndSequenceNumberAreTheKey() {
        Record r = leak(1).uid(null);
        client.postJson(OtlpEvents.json(r), 200);
        client.postJson(OtlpEvents.json(r), 200);
        assertEquals(1, client.getJson("/api/v1/events").get("total").asInt());
    }

    @Test
    void otherRecordsAreCountedAndIgnoredNotRejected() {
        JsonNode reply = client.postJson(OtlpEvents.json(OtlpEvents.plainLog("GET /cart 200"), leak(1),
                OtlpEvents.plainLog("GET /pay 200")), 200);
        JsonNode partial = reply.get("partialSuccess");
        assertEquals("0", partial.get("rejectedLogRecords").asText());
        assertEquals("2 records are not logredact events and were ignored", partial.get("errorMessage").asText());
        assertEquals(1, client.getJson("/api/v1/events").get("total").asInt());
        assertEquals(2, client.getJson("/api/v1/stats").get("ingest").get("ignored").asInt());
    }

    @Test
    void badRecordsAreRejectedOneByOneWithReasons() throws Exception {
        Record noFingerprintForm = leak(2).attr("logredact.secret.fingerprint", "sha256:abc");
        Record noRule = leak(3).attr("logredact.rule.id", null);
        Record badCount = leak(4).attr("logredact.count", 0L);
        JsonNode partial = client.postJson(OtlpEvents.json(leak(1), noFingerprintForm, noRule, badCount), 200).get("partialSuccess");
        assertEquals("3", partial.get("rejectedLogRecords").asText());
        String message = partial.get("errorMessage").asText();
        assertTrue(message.startsWith("3 of 4 logredact records rejected: "), message);
        assertTrue(message.contains("resourceLogs[0].scopeLogs[0].logRecords[1]: logredact.secret.fingerprint must be 'v1:' and 32 lowercase hex digits"), message);
        assertTrue(message.contains("logRecords[2]: logredact.rule.id is missing"), message);
        assertTrue(message.contains("logRecords[3]: logredact.count must be 1 or more"), message);
        assertEquals(1, client.getJson("/api/v1/events").get("total").asInt());

        HttpResponse<byte[]> r = client.postLogs(PROTOBUF, OtlpEvents.protobuf(noRule));
        ExportLogsServiceResponse response = ExportLogsServiceResponse.parseFrom(r.body());
        assertEquals(1, response.getPartialSuccess().getRejectedLogRecords());
        assertTrue(response.getPartialSuccess().getErrorMessage().contains("logredact.rule.id is missing"));
    }

    @Test
    void aRecordCarryingASecretIsRejectedAndNothingOfItIsStored() throws Exception {
        FakeSecrets fake = new FakeSecrets(8);
        String pat = fake.githubPat();
        String aws = fake.awsAccessKeyId();
        String slack = fake.slackBotToken();
        Record inThread = leak(1).attr("logredact.thread", "worker " + pat);
        Record inRepository = leak(2).res("vcs.repository.url.full", "https://x-access-token:" + pat + "@github.com/acme/shop");
        Record inBody = leak(3).body("Masked " + aws + " on stdout");
        Record inJobName = leak(4).res("cicd.pipeline.task.name", "deploy " + slack);
        JsonNode partial = client.postJson(OtlpEvents.json(inThread, inRepository, inBody, inJobName, leak(5)), 200)
                .get("partialSuccess");
        assertEquals("4", partial.get("rejectedLogRecords").asText());
        String message = partial.get("errorMessage").asText();
        assertTrue(message.contains("logRecords[0]: attribute logredact.thread looks like a secret (rule github-pat); the record was not stored"), message);
        assertTrue(message.contains("attribute vcs.repository.url.full looks like a secret"), message);
        assertTrue(message.contains("the body looks like a secret"), message);
        assertTrue(message.contains("and 1 more"), message);
        for (String secret : new String[] {pat, aws, slack}) {
            assertFalse(message.contains(secret), "the answer quotes a secret");
        }
        assertEquals(1, client.getJson("/api/v1/events").get("total").asInt());

        collector.close();
        for (Path file : new Path[] {collector.dbFile, Path.of(collector.dbFile + "-wal")}) {
            if (Files.exists(file)) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : new String[] {pat, aws, slack}) {
                    assertFalse(bytes.contains(secret), file + " holds a secret");
                }
            }
        }
    }

    @Test
    void aSecretInASharedResourceRejectsEveryRecordOfIt() {
        String token = new FakeSecrets(9).gitlabPat();
        Record a = leak(1).res("cicd.pipeline.name", "deploy " + token);
        Record b = leak(2).res("cicd.pipeline.name", "deploy " + token);
        String json = OtlpEvents.json(a, b, leak(3));
        assertEquals(2, json.split("\"resource\"").length - 1, "a and b share one resourceLogs entry");
        JsonNode partial = client.postJson(json, 200).get("partialSuccess");
        assertEquals("2", partial.get("rejectedLogRecords").asText());
        assertTrue(partial.get("errorMessage").asText().contains("logRecords[1]: attribute cicd.pipeline.name looks like a secret"));
        assertEquals(1, client.getJson("/api/v1/events").get("total").asInt());
    }

    @Test
    void undecodableBodiesAre400WithAMessageThatSaysWhereButQuotesNothing() {
        String pat = new FakeSecrets(3).githubPat();
        HttpResponse<byte[]> r = client.postLogs(JSON, ("{\"resourceLogs\": [" + pat + "]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode());
        JsonNode status = CollectorClient.parse(r.body());
        assertEquals(3, status.get("code").asInt());
        assertTrue(status.get("message").asText().matches("body is not valid JSON at line 1, column \\d+"), status::toString);
        assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("ghp_"));

        JsonNode wrongShape = CollectorClient.parse(client.postLogs(JSON,
                "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":{}}]}]}".getBytes(StandardCharsets.UTF_8)).body());
        assertEquals("resourceLogs[0].scopeLogs[0].logRecords: must be an array", wrongShape.get("message").asText());

        JsonNode badTime = CollectorClient.parse(client.postLogs(JSON,
                "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"timeUnixNano\":\"soon\"}]}]}]}".getBytes(StandardCharsets.UTF_8)).body());
        assertEquals("resourceLogs[0].scopeLogs[0].logRecords[0].timeUnixNano: must be an unsigned 64-bit integer (a decimal string or a number)",
                badTime.get("message").asText());
    }

    @Test
    void undecodableProtobufIs400WithAProtobufStatus() throws Exception {
        HttpResponse<byte[]> r = client.postLogs(PROTOBUF, new byte[] {0x0a, 0x7f, 0x01});
        assertEquals(400, r.statusCode());
        assertEquals(PROTOBUF, r.headers().firstValue("Content-Type").orElse(""));
        // google.rpc.Status: field 1 (code) varint 3, field 2 (message) a string.
        com.google.protobuf.CodedInputStream in = com.google.protobuf.CodedInputStream.newInstance(r.body());
        assertEquals(1 << 3, in.readTag());
        assertEquals(3, in.readInt32());
        assertEquals(2 << 3 | 2, in.readTag());
        assertTrue(in.readString().startsWith("body is not a protobuf ExportLogsServiceRequest"));
    }

    @Test
    void oversizedBodiesAre413OnTheWireAndDecompressed() {
        byte[] big = new byte[TestCollector.MAX_BODY + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<byte[]> raw = client.postLogs(JSON, big);
        assertEquals(413, raw.statusCode());
        assertTrue(CollectorClient.parse(raw.body()).get("message").asText().contains("larger than the limit of 65536 bytes"));

        byte[] bomb = OtlpEvents.gzip(new byte[TestCollector.MAX_BODY * 16]);
        assertTrue(bomb.length < TestCollector.MAX_BODY);
        HttpResponse<byte[]> unzipped = client.postLogs(JSON, bomb, "Content-Encoding", "gzip");
        assertEquals(413, unzipped.statusCode());
        assertEquals("gzip body decompresses to more than the limit of 65536 bytes",
                CollectorClient.parse(unzipped.body()).get("message").asText());
    }

    @Test
    void unsupportedTypesAndEncodingsAre415AndBrokenGzipIs400() {
        HttpResponse<byte[]> text = client.postLogs("text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, text.statusCode());
        assertEquals("Content-Type must be application/json or application/x-protobuf",
                CollectorClient.parse(text.body()).get("message").asText());
        HttpResponse<byte[]> brotli = client.postLogs(JSON, new byte[] {1, 2, 3}, "Content-Encoding", "br");
        assertEquals(415, brotli.statusCode());
        HttpResponse<byte[]> notGzip = client.postLogs(JSON, "{}".getBytes(StandardCharsets.UTF_8), "Content-Encoding", "gzip");
        assertEquals(400, notGzip.statusCode());
        assertEquals("body is marked Content-Encoding: gzip but is not valid gzip",
                CollectorClient.parse(notGzip.body()).get("message").asText());
    }
}
