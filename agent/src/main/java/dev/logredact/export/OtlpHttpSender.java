package dev.logredact.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * POSTs a batch to the collector's logs URL ({@code {endpoint}/v1/logs}) as gzipped OTLP/JSON and says what came of it. Plain
 * {@link HttpURLConnection}: it is in every JDK the agent runs on and keeps connections alive.
 */
final class OtlpHttpSender {
    private final URL url;
    private final Map<String, String> headers;
    private final String userAgent;
    private final Clock clock;

    OtlpHttpSender(URI logsUrl, Map<String, String> headers, String userAgent, Clock clock) throws MalformedURLException {
        this.url = logsUrl.toURL();
        this.headers = new LinkedHashMap<>(headers);
        this.userAgent = userAgent;
        this.clock = clock;
    }

    /** Sends, waiting at most {@code timeoutMillis} (at least 1) to connect and between reads. */
    ExportOutcome send(Batch batch, int timeoutMillis) {
        HttpURLConnection connection = null;
        try {
            byte[] body = batch.gzipped();
            connection = (HttpURLConnection) url.openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            // 0 would mean no limit at all.
            connection.setConnectTimeout(Math.max(1, timeoutMillis));
            connection.setReadTimeout(Math.max(1, timeoutMillis));
            for (Map.Entry<String, String> header : headers.entrySet()) {
                connection.setRequestProperty(header.getKey(), header.getValue());
            }
            // After the configured headers: these describe the body and are not for a user to change.
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Content-Encoding", "gzip");
            connection.setRequestProperty("User-Agent", userAgent);
            // Fixed length also stops the JDK from silently sending the POST a second time.
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            byte[] reply = readReply(connection, status);
            return ExportOutcome.of(status, reply, connection.getHeaderField("Retry-After"), clock);
        } catch (HttpRetryException e) {
            // In streaming mode the JDK turns a 401 that asks for authentication into this exception.
            return ExportOutcome.of(e.responseCode(), new byte[0], null, clock);
        } catch (IOException | RuntimeException e) {
            // Retried, and never printed: some JDK messages quote a header value.
            if (connection != null) {
                connection.disconnect();
            }
            return ExportOutcome.noResponse();
        }
    }

    /** The body, bounded; null when over the bound (the connection is then dropped, not drained). */
    private static byte[] readReply(HttpURLConnection connection, int status) throws IOException {
        InputStream raw = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (raw == null) {
            return new byte[0];
        }
        String encoding = connection.getContentEncoding();
        try (InputStream in = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip") ? new GZIPInputStream(raw) : raw) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                body.write(buffer, 0, n);
                if (body.size() > ExportOutcome.MAX_RESPONSE_BYTES) {
                    connection.disconnect();
                    return null;
                }
            }
            return body.toByteArray();
        }
    }
}
