package dev.logredact.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One spool line that is a well-formed OTLP/JSON {@code ExportLogsServiceRequest} of exactly the shape the
 * encoder writes, {@code {"resourceLogs":[...]}} with no space around, so that several can be merged into
 * one request by joining what lies between the brackets.
 */
final class OtlpLine {
    static final String PREFIX = "{\"resourceLogs\":[";
    static final String SUFFIX = "]}";

    private static final JsonFactory JSON = new JsonFactory();
    /** From a {@code resourceLogs} element to its records. */
    private static final String[] TO_RECORDS = {"scopeLogs", "logRecords"};

    final String text;
    /** Log records in it: the unit every total counts. */
    final int records;
    final int utf8Length;

    private OtlpLine(String text, int records) {
        this.text = text;
        this.records = records;
        this.utf8Length = text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The line checked and its records counted, or null when it is not such a request. */
    static OtlpLine parse(String text) {
        if (!text.startsWith(PREFIX) || !text.endsWith(SUFFIX) || text.length() < PREFIX.length() + SUFFIX.length()) {
            return null;
        }
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                    || p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            int records = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
                records += countIn(p, TO_RECORDS, 0);
            }
            if (p.currentToken() != JsonToken.END_ARRAY || p.nextToken() != JsonToken.END_OBJECT
                    || p.nextToken() != null) {
                return null;
            }
            return new OtlpLine(text, records);
        } catch (IOException e) {
            return null;
        }
    }

    /** What lies between the brackets: the {@code resourceLogs} elements. */
    String elements() {
        return text.substring(PREFIX.length(), text.length() - SUFFIX.length());
    }

    /**
     * With the parser on an object's start: the elements of the array reached from it through
     * {@code path[step..]} (a field holding an array of objects at each step but the last), counted; the
     * parser ends on the object's end.
     */
    private static int countIn(JsonParser p, String[] path, int step) throws IOException {
        int count = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean onPath = path[step].equals(p.currentName());
            JsonToken value = p.nextToken();
            if (!onPath || value != JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw new IOException("unexpected end");
                }
                if (step == path.length - 1) {
                    count++;
                    p.skipChildren();
                } else if (t == JsonToken.START_OBJECT) {
                    count += countIn(p, path, step + 1);
                } else {
                    p.skipChildren();
                }
            }
        }
        return count;
    }
}
