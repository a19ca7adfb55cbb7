package dev.logredact.collector.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.CodedOutputStream;
import io.javalin.http.Context;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes OTLP/HTTP answers in the request's encoding: {@code ExportLogsServiceResponse} on success
 * (with {@code partialSuccess} when records were rejected or there is a warning), {@code google.rpc.Status}
 * on failure.
 */
final class OtlpReply {
    /** google.rpc.Code values for the HTTP statuses the receiver uses. */
    static final int INVALID_ARGUMENT = 3;
    static final int RESOURCE_EXHAUSTED = 8;
    static final int INTERNAL = 13;
    static final int UNAVAILABLE = 14;
    static final int UNAUTHENTICATED = 16;

    private static final ObjectMapper JSON = new ObjectMapper();

    private OtlpReply() {
    }

    static void success(Context ctx, OtlpFormat format, long rejected, String message) {
        ctx.status(200).contentType(format.contentType);
        boolean partial = rejected > 0 || message != null;
        if (format == OtlpFormat.PROTOBUF) {
            ExportLogsServiceResponse.Builder response = ExportLogsServiceResponse.newBuilder();
            if (partial) {
                response.setPartialSuccess(ExportLogsPartialSuccess.newBuilder()
                        .setRejectedLogRecords(rejected)
                        .setErrorMessage(message == null ? "" : message));
            }
            ctx.result(response.build().toByteArray());
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        if (partial) {
            ObjectNode p = root.putObject("partialSuccess");
            // proto3 JSON: int64 as a decimal string.
            p.put("rejectedLogRecords", Long.toString(rejected));
            if (message != null) {
                p.put("errorMessage", message);
            }
        }
        ctx.result(root.toString());
    }

    static void failure(Context ctx, OtlpFormat format, int httpStatus, int rpcCode, String message) {
        ctx.status(httpStatus).contentType(format.contentType);
        if (format == OtlpFormat.PROTOBUF) {
            ctx.result(statusProto(rpcCode, message));
            return;
        }
        ObjectNode status = JSON.createObjectNode();
        status.put("code", rpcCode);
        status.put("message", message);
        ctx.result(status.toString());
    }

    /** google.rpc.Status {code = 1, message = 2}: two fields, not worth a dependency on its generated class. */
    private static byte[] statusProto(int code, String message) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.writeInt32(1, code);
            out.writeString(2, message);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
