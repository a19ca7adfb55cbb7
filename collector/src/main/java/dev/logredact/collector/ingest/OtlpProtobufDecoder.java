package dev.logredact.collector.ingest;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes an OTLP/protobuf {@code ExportLogsServiceRequest} with the generated classes of opentelemetry-proto. */
final class OtlpProtobufDecoder {

    List<OtlpRecord> decode(byte[] body) throws MalformedRequestException {
        ExportLogsServiceRequest request;
        try {
            request = ExportLogsServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedRequestException("body is not a protobuf ExportLogsServiceRequest: " + e.getMessage());
        }
        List<OtlpRecord> records = new ArrayList<>();
        for (int r = 0; r < request.getResourceLogsCount(); r++) {
            ResourceLogs rl = request.getResourceLogs(r);
            Map<String, Object> resource = keyValues(rl.getResource().getAttributesList());
            for (int s = 0; s < rl.getScopeLogsCount(); s++) {
                ScopeLogs sl = rl.getScopeLogs(s);
                for (int l = 0; l < sl.getLogRecordsCount(); l++) {
                    LogRecord lr = sl.getLogRecords(l);
                    records.add(new OtlpRecord(
                            "resourceLogs[" + r + "].scopeLogs[" + s + "].logRecords[" + l + "]",
                            lr.getTimeUnixNano(),
                            lr.getObservedTimeUnixNano(),
                            lr.getEventName().isEmpty() ? null : lr.getEventName(),
                            lr.hasBody() ? value(lr.getBody()) : null,
                            keyValues(lr.getAttributesList()),
                            resource));
                }
            }
        }
        return records;
    }

    private static Map<String, Object> keyValues(List<KeyValue> list) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (KeyValue kv : list) {
            map.put(kv.getKey(), kv.hasValue() ? value(kv.getValue()) : null);
        }
        return map;
    }

    private static Object value(AnyValue v) {
        switch (v.getValueCase()) {
            case STRING_VALUE:
                return v.getStringValue();
            case INT_VALUE:
                return v.getIntValue();
            case BOOL_VALUE:
                return v.getBoolValue();
            case DOUBLE_VALUE:
                return v.getDoubleValue();
            case BYTES_VALUE:
                return v.getBytesValue().toByteArray();
            case ARRAY_VALUE: {
                List<Object> list = new ArrayList<>();
                for (AnyValue item : v.getArrayValue().getValuesList()) {
                    list.add(value(item));
                }
                return list;
            }
            case KVLIST_VALUE:
                return keyValues(v.getKvlistValue().getValuesList());
            default:
                return null;
        }
    }
}
