package dev.logredact.export;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads encoded lines back as a collector does: protobuf's own JSON parser for the OTLP request type,
 * which refuses unknown fields and wrongly typed values, so a line it takes is one any OTLP receiver takes.
 */
public final class OtlpRequests {
    private OtlpRequests() {
    }

    public static ExportLogsServiceRequest parse(String line) {
        ExportLogsServiceRequest.Builder b = ExportLogsServiceRequest.newBuilder();
        try {
            JsonFormat.parser().merge(line, b);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not an OTLP/JSON logs request: " + e.getMessage() + "\n" + line, e);
        }
        return b.build();
    }

    /** Every log record of every line, in order. */
    public static List<LogRecord> records(List<String> lines) {
        List<LogRecord> records = new ArrayList<>();
        for (String line : lines) {
            parse(line).getResourceLogsList().forEach(r -> r.getScopeLogsList().forEach(s -> records.addAll(s.getLogRecordsList())));
        }
        return records;
    }

    /** Attribute key to its value as text (string or integer). */
    public static Map<String, String> attributes(List<KeyValue> attributes) {
        Map<String, String> m = new LinkedHashMap<>();
        for (KeyValue kv : attributes) {
            AnyValue v = kv.getValue();
            m.put(kv.getKey(), v.hasIntValue() ? Long.toString(v.getIntValue()) : v.getStringValue());
        }
        return m;
    }
}
