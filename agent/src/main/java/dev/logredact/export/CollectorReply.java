package dev.logredact.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What a collector's response body says: an {@code ExportLogsServiceResponse} on success, a
 * {@code google.rpc.Status} on failure (OTLP specification, "OTLP/HTTP Response"). The texts are the
 * collector's, unmasked: they may echo data, so they are masked before anyone sees them.
 */
final class CollectorReply {
    private static final JsonFactory JSON = new JsonFactory();

    /** {@code partialSuccess.rejectedLogRecords}; 0 when absent. */
    final long rejected;
    /** {@code partialSuccess.errorMessage} or the Status {@code message}; null when absent. */
    final String message;

    private CollectorReply(long rejected, String message) {
        this.rejected = rejected;
        this.message = message;
    }

    /** A success body; anything but JSON (or no body) is a full success. */
    static CollectorReply success(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new CollectorReply(0, null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() == JsonToken.START_OBJECT && isField(name, "partialSuccess", "partial_success")) {
                    return partialSuccess(p);
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            // Not JSON: nothing says a record was rejected.
        }
        return new CollectorReply(0, null);
    }

    /** A failure body: the Status message, or the body's text when it is not a Status. */
    static CollectorReply failure(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (p.nextToken() == JsonToken.VALUE_STRING && name.equals("message")) {
                        return new CollectorReply(0, p.getText());
                    }
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // Not JSON: the text itself is the best message there is.
        }
        String text = new String(body, StandardCharsets.UTF_8).trim();
        return new CollectorReply(0, text.isEmpty() ? null : text);
    }

    private static CollectorReply partialSuccess(JsonParser p) throws IOException {
        long rejected = 0;
        String message = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (isField(name, "rejectedLogRecords", "rejected_log_records")) {
                // int64 is a decimal string in OTLP/JSON; a number is accepted too.
                rejected = value == JsonToken.VALUE_STRING ? parseCount(p.getText()) : p.getValueAsLong();
            } else if (isField(name, "errorMessage", "error_message") && value == JsonToken.VALUE_STRING) {
                message = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return new CollectorReply(rejected, message == null || message.isEmpty() ? null : message);
    }

    private static long parseCount(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Protobuf JSON parsers accept the proto field name as well as the lowerCamelCase one. */
    private static boolean isField(String name, String json, String proto) {
        return json.equals(name) || proto.equals(name);
    }
}
