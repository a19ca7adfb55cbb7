package dev.logredact.collector.ingest;

import java.util.Locale;

/** The two OTLP/HTTP encodings; a response uses the request's. */
enum OtlpFormat {
    JSON("application/json"), PROTOBUF("application/x-protobuf");

    final String contentType;

    OtlpFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The format of a request's Content-Type (parameters such as charset ignored), or null. */
    static OtlpFormat of(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        for (OtlpFormat f : values()) {
            if (f.contentType.equals(type)) {
                return f;
            }
        }
        return null;
    }
}
