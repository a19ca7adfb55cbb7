package dev.logredact.collector.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes an OTLP/JSON {@code ExportLogsServiceRequest}: the proto3 JSON mapping with OTLP's
 * deviations (lowerCamelCase only, 64-bit integers as decimal strings or numbers, enums as integers,
 * unknown fields ignored). Only the fields the collector reads are checked.
 */
final class OtlpJsonDecoder {
    private static final int MAX_NESTING = 64;
    private static final JsonNode EMPTY = JsonNodeFactory.instance.arrayNode();

    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build());

    List<OtlpRecord> decode(byte[] body) throws MalformedRequestException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote the offending token, which may be a secret: say where only.
            JsonLocation at = e.getLocation();
            String place = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new MalformedRequestException("body is not valid JSON" + place);
        } catch (IOException e) {
            throw new MalformedRequestException("body could not be read as JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedRequestException("body must be a JSON object (an ExportLogsServiceRequest)");
        }
        List<OtlpRecord> records = new ArrayList<>();
        JsonNode resourceLogs = array(root, "resourceLogs", "resourceLogs");
        for (int r = 0; r < resourceLogs.size(); r++) {
            String rPath = "resourceLogs[" + r + "]";
            JsonNode rl = object(resourceLogs.get(r), rPath);
            JsonNode resource = rl.get("resource");
            Map<String, Object> resourceAttributes = resource == null || resource.isNull()
                    ? Collections.emptyMap()
                    : attributes(object(resource, rPath + ".resource"), rPath + ".resource.attributes");
            JsonNode scopeLogs = array(rl, "scopeLogs", rPath + ".scopeLogs");
            for (int s = 0; s < scopeLogs.size(); s++) {
                String sPath = rPath + ".scopeLogs[" + s + "]";
                JsonNode logRecords = array(object(scopeLogs.get(s), sPath), "logRecords", sPath + ".logRecords");
                for (int l = 0; l < logRecords.size(); l++) {
                    String lPath = sPath + ".logRecords[" + l + "]";
                    records.add(record(object(logRecords.get(l), lPath), lPath, resourceAttributes));
                }
            }
        }
        return records;
    }

    private OtlpRecord record(JsonNode node, String path, Map<String, Object> resource) throws MalformedRequestException {
        JsonNode eventName = node.get("eventName");
        if (eventName != null && !eventName.isNull() && !eventName.isTextual()) {
            throw new MalformedRequestException(path + ".eventName: must be a string");
        }
        JsonNode body = node.get("body");
        return new OtlpRecord(path,
                uint64(node.get("timeUnixNano"), path + ".timeUnixNano"),
                uint64(node.get("observedTimeUnixNano"), path + ".observedTimeUnixNano"),
                eventName == null || eventName.isNull() ? null : eventName.asText(),
                body == null || body.isNull() ? null : anyValue(body, path + ".body"),
                attributes(node, path + ".attributes"),
                resource);
    }

    /** The {@code attributes} array of {@code owner} as a map; a repeated key keeps its last value. */
    private Map<String, Object> attributes(JsonNode owner, String path) throws MalformedRequestException {
        return keyValues(array(owner, "attributes", path), path);
    }

    private Map<String, Object> keyValues(JsonNode list, String path) throws MalformedRequestException {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String kvPath = path + "[" + i + "]";
            JsonNode kv = object(list.get(i), kvPath);
            JsonNode key = kv.get("key");
            if (key == null || !key.isTextual()) {
                throw new MalformedRequestException(kvPath + ".key: must be a string");
            }
            JsonNode value = kv.get("value");
            map.put(key.asText(), value == null || value.isNull() ? null : anyValue(value, kvPath + ".value"));
        }
        return map;
    }

    private Object anyValue(JsonNode node, String path) throws MalformedRequestException {
        object(node, path);
        if (node.has("stringValue")) {
            JsonNode v = node.get("stringValue");
            if (!v.isTextual()) {
                throw new MalformedRequestException(path + ".stringValue: must be a string");
            }
            return v.asText();
        }
        if (node.has("intValue")) {
            return int64(node.get("intValue"), path + ".intValue");
        }
        if (node.has("boolValue")) {
            JsonNode v = node.get("boolValue");
            if (!v.isBoolean()) {
                throw new MalformedRequestException(path + ".boolValue: must be true or false");
            }
            return v.asBoolean();
        }
        if (node.has("doubleValue")) {
            JsonNode v = node.get("doubleValue");
            if (!v.isNumber() && !v.isTextual()) {
                throw new MalformedRequestException(path + ".doubleValue: must be a number");
            }
            return v.asDouble();
        }
        if (node.has("bytesValue")) {
            JsonNode v = node.get("bytesValue");
            try {
                return Base64.getDecoder().decode(v.asText());
            } catch (IllegalArgumentException e) {
                throw new MalformedRequestException(path + ".bytesValue: must be base64");
            }
        }
        if (node.has("arrayValue")) {
            String listPath = path + ".arrayValue.values";
            JsonNode values = array(object(node.get("arrayValue"), path + ".arrayValue"), "values", listPath);
            List<Object> list = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                JsonNode v = values.get(i);
                list.add(v == null || v.isNull() ? null : anyValue(v, listPath + "[" + i + "]"));
            }
            return list;
        }
        if (node.has("kvlistValue")) {
            JsonNode kvlist = object(node.get("kvlistValue"), path + ".kvlistValue");
            return keyValues(array(kvlist, "values", path + ".kvlistValue.values"), path + ".kvlistValue.values");
        }
        return null;
    }

    private static JsonNode object(JsonNode node, String path) throws MalformedRequestException {
        if (node == null || !node.isObject()) {
            throw new MalformedRequestException(path + ": must be an object");
        }
        return node;
    }

    /** The array field {@code name} of {@code owner}; absent or null is an empty array, as in proto3. */
    private static JsonNode array(JsonNode owner, String name, String path) throws MalformedRequestException {
        JsonNode node = owner.get(name);
        if (node == null || node.isNull()) {
            return EMPTY;
        }
        if (!node.isArray()) {
            throw new MalformedRequestException(path + ": must be an array");
        }
        return node;
    }

    private static long uint64(JsonNode node, String path) throws MalformedRequestException {
        return node == null || node.isNull() ? 0 : integer(node, path, true);
    }

    private static long int64(JsonNode node, String path) throws MalformedRequestException {
        return integer(node, path, false);
    }

    /** proto3 JSON takes a 64-bit integer as a decimal string or as a number. */
    private static long integer(JsonNode node, String path, boolean unsigned) throws MalformedRequestException {
        try {
            if (node.isTextual()) {
                return unsigned ? Long.parseUnsignedLong(node.asText()) : Long.parseLong(node.asText());
            }
            if (node.isIntegralNumber() && node.canConvertToLong() && (!unsigned || node.asLong() >= 0)) {
                return node.asLong();
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new MalformedRequestException(path + ": must be " + (unsigned ? "an unsigned" : "a")
                + " 64-bit integer (a decimal string or a number)");
    }
}
