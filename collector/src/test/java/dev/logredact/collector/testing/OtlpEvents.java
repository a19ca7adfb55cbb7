package dev.logredact.collector.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Builds OTLP requests shaped as the agent sends them (ARCHITECTURE §6), in both encodings. Records with
 * equal resources share one {@code resourceLogs} entry.
 */
public final class OtlpEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OtlpEvents() {
    }

    /** A fingerprint of the contract's form, made from {@code n}. */
    public static String fingerprint(int n) {
        return "v1:" + String.format("%032x", n * 0x9E3779B97F4A7C15L & Long.MAX_VALUE);
    }

    /** One redaction event of {@code secretName} in {@code repository}, at {@code time}. */
    public static Record event(String fingerprint, String secretName, String repository, Instant time) {
        Record r = new Record();
        r.time = time;
        r.eventName = "logredact.secret.redacted";
        r.body = "Masked env:" + secretName + " on stderr";
        r.attr("logredact.rule.id", "env:" + secretName)
                .attr("logredact.secret.kind", "literal")
                .attr("logredact.secret.name", secretName)
                .attr("logredact.secret.fingerprint", fingerprint)
                .attr("logredact.variant", "plain")
                .attr("logredact.channel", "stderr")
                .attr("logredact.thread", "main")
                .attr("logredact.count", 1L)
                .attr("logredact.event.seq", 1L)
                .attr("log.record.uid", UUID.randomUUID().toString());
        r.res("service.name", "logredact-agent")
                .res("service.instance.id", "0a6b0f2e-1c7d-4f52-9a51-6f1f0c3d2b10")
                .res("host.name", "runner-7")
                .res("process.pid", 4242L)
                .res("cicd.pipeline.name", "build")
                .res("cicd.pipeline.task.name", "test")
                .res("cicd.pipeline.run.id", "1234567")
                .res("cicd.pipeline.run.url.full", repository + "/actions/runs/1234567")
                .res("vcs.repository.url.full", repository)
                .res("vcs.ref.head.revision", "6f1f0c3d2b100a6b0f2e1c7d4f529a516f1f0c3d")
                .res("vcs.ref.head.name", "main");
        return r;
    }

    /** A log record that is not logredact's: an application's log line. */
    public static Record plainLog(String text) {
        Record r = new Record();
        r.time = Instant.parse("2026-01-01T00:00:00Z");
        r.body = text;
        r.res("service.name", "shop");
        return r;
    }

    /** One record: attributes and resource attributes are String, Long or null (left out). */
    public static final class Record {
        Instant time;
        String eventName;
        Object body;
        final Map<String, Object> attributes = new LinkedHashMap<>();
        final Map<String, Object> resource = new LinkedHashMap<>();

        public Record attr(String key, Object value) {
            put(attributes, key, value);
            return this;
        }

        public Record res(String key, Object value) {
            put(resource, key, value);
            return this;
        }

        private static void put(Map<String, Object> map, String key, Object value) {
            if (value == null) {
                map.remove(key);
            } else {
                map.put(key, value);
            }
        }

        public Record body(Object body) {
            this.body = body;
            return this;
        }

        public Record eventName(String eventName) {
            this.eventName = eventName;
            return this;
        }

        public Record uid(String uid) {
            return attr("log.record.uid", uid);
        }
    }

    /** The request as OTLP/JSON; {@code intsAsNumbers} writes int64 values as JSON numbers instead of strings. */
    public static String json(boolean intsAsNumbers, Record... records) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode resourceLogs = root.putArray("resourceLogs");
        for (List<Record> group : byResource(records)) {
            ObjectNode rl = resourceLogs.addObject();
            keyValues(rl.putObject("resource").putArray("attributes"), group.get(0).resource, intsAsNumbers);
            ObjectNode scope = rl.putArray("scopeLogs").addObject();
            scope.putObject("scope").put("name", "logredact").put("version", "0.1.0");
            ArrayNode logRecords = scope.putArray("logRecords");
            for (Record r : group) {
                ObjectNode lr = logRecords.addObject();
                String nanos = Long.toString(nanos(r.time));
                if (intsAsNumbers) {
                    lr.put("timeUnixNano", nanos(r.time));
                } else {
                    lr.put("timeUnixNano", nanos);
                }
                lr.put("severityNumber", 13).put("severityText", "WARN");
                if (r.eventName != null) {
                    lr.put("eventName", r.eventName);
                }
                if (r.body != null) {
                    anyValue(lr.putObject("body"), r.body, intsAsNumbers);
                }
                keyValues(lr.putArray("attributes"), r.attributes, intsAsNumbers);
            }
        }
        return root.toString();
    }

    public static String json(Record... records) {
        return json(false, records);
    }

    public static byte[] protobuf(Record... records) {
        ExportLogsServiceRequest.Builder request = ExportLogsServiceRequest.newBuilder();
        for (List<Record> group : byResource(records)) {
            ScopeLogs.Builder scope = ScopeLogs.newBuilder();
            for (Record r : group) {
                LogRecord.Builder lr = LogRecord.newBuilder().setTimeUnixNano(nanos(r.time)).setSeverityNumberValue(13)
                        .setSeverityText("WARN").addAllAttributes(keyValues(r.attributes));
                if (r.eventName != null) {
                    lr.setEventName(r.eventName);
                }
                if (r.body != null) {
                    lr.setBody(anyValue(r.body));
                }
                scope.addLogRecords(lr);
            }
            request.addResourceLogs(ResourceLogs.newBuilder()
                    .setResource(Resource.newBuilder().addAllAttributes(keyValues(group.get(0).resource)))
                    .addScopeLogs(scope));
        }
        return request.build().toByteArray();
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<List<Record>> byResource(Record[] records) {
        List<List<Record>> groups = new ArrayList<>();
        for (Record r : records) {
            if (!groups.isEmpty() && Objects.equals(groups.get(groups.size() - 1).get(0).resource, r.resource)) {
                groups.get(groups.size() - 1).add(r);
            } else {
                groups.add(new ArrayList<>(List.of(r)));
            }
        }
        return groups;
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static void keyValues(ArrayNode array, Map<String, Object> map, boolean intsAsNumbers) {
        map.forEach((k, v) -> {
            ObjectNode kv = array.addObject().put("key", k);
            anyValue(kv.putObject("value"), v, intsAsNumbers);
        });
    }

    private static void anyValue(ObjectNode node, Object v, boolean intsAsNumbers) {
        if (v instanceof Long n) {
            if (intsAsNumbers) {
                node.put("intValue", n);
            } else {
                node.put("intValue", n.toString());
            }
        } else if (v instanceof byte[] b) {
            node.put("bytesValue", java.util.Base64.getEncoder().encodeToString(b));
        } else {
            node.put("stringValue", (String) v);
        }
    }

    private static List<KeyValue> keyValues(Map<String, Object> map) {
        List<KeyValue> list = new ArrayList<>();
        map.forEach((k, v) -> list.add(KeyValue.newBuilder().setKey(k).setValue(anyValue(v)).build()));
        return list;
    }

    private static AnyValue anyValue(Object v) {
        if (v instanceof Long n) {
            return AnyValue.newBuilder().setIntValue(n).build();
        }
        if (v instanceof byte[] b) {
            return AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(b)).build();
        }
        return AnyValue.newBuilder().setStringValue((String) v).build();
    }
}
