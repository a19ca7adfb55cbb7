package dev.logredact.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.logredact.config.Configs.env;
import static dev.logredact.config.Configs.load;
import static dev.logredact.config.Configs.map;
import static dev.logredact.config.Configs.props;
import static dev.logredact.config.Configs.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where events go: {@code {logredact.collector.endpoint}/v1/logs}, or, only with
 * {@code collector.otel.env=true} and no endpoint key in any source, the OTLP exporter's own variables.
 */
class CollectorEndpointTest {
    /** A fake credential in a header value. */
    private static final String TOKEN = "otel-" + "Zt6Qw9Lm2Xr5Kp8Vb3Nc";
    private static final String OPT_IN = "LOGREDACT_COLLECTOR_OTEL_ENV";

    @TempDir
    Path dir;

    @Test
    void theLogsPathIsAppendedToTheEndpointWithoutADoubleSlash() {
        assertEquals(URI.create("https://c.example:4318/v1/logs"),
                env("LOGREDACT_COLLECTOR_ENDPOINT", "https://c.example:4318").config().collectorLogsUrl());
        assertEquals(URI.create("https://c.example/base/v1/logs"),
                env("LOGREDACT_COLLECTOR_ENDPOINT", "https://c.example/base//").config().collectorLogsUrl());
        assertNull(env().config().collectorLogsUrl(), "no endpoint, no reporting");
    }

    @Test
    void theOtelVariablesAreIgnoredUnlessAskedFor() {
        LoadedConfig loaded = env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel.example:4318",
                "OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20" + TOKEN);
        assertEquals(List.of(), loaded.messages());
        assertNull(loaded.config().collectorLogsUrl());
        assertEquals(Map.of(), loaded.config().collectorHeaders());
        assertNull(env(OPT_IN, "false", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel.example:4318").config().collectorLogsUrl());
    }

    @Test
    void whenAskedTheGenericEndpointGetsTheLogsPathAndTheLogsEndpointIsUsedAsIs() {
        assertEquals(URI.create("http://otel.example:4318/v1/logs"), env(OPT_IN, "true",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel.example:4318").config().collectorLogsUrl());
        assertEquals(URI.create("http://otel.example:4318/mycollector/v1/logs"), env(OPT_IN, "true",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel.example:4318/mycollector/").config().collectorLogsUrl());
        LoadedConfig both = env(OPT_IN, "true", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel.example:4318",
                "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "https://logs.example/ingest/otlp");
        assertEquals(List.of(), both.messages());
        assertEquals(URI.create("https://logs.example/ingest/otlp"), both.config().collectorLogsUrl());
        assertNull(both.config().collectorEndpoint(), "the endpoint key itself stays unset");
        String describe = both.config().describe();
        assertTrue(describe.contains("\nlogredact: collector.otel.env = true (environment)\n"), describe);
        assertTrue(describe.endsWith("\nlogredact: events go to https://logs.example/ingest/otlp (OTEL_EXPORTER_OTLP_LOGS_ENDPOINT)"),
                describe);
    }

    /** The logredact key wins from any source, and then no OTEL variable is used at all, headers included. */
    @Test
    void theEndpointKeyInAnySourceWinsWhole() throws IOException {
        Map<String, String> otel = map(OPT_IN, "true", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel.example:4318",
                "OTEL_EXPORTER_OTLP_HEADERS", "X-Otel=1");
        Path file = Files.writeString(dir.resolve("lr.properties"), "logredact.collector.endpoint=https://file.example\n");
        Map<String, String> fromFile = map("LOGREDACT_CONFIG_FILE", file.toString());
        fromFile.putAll(otel);
        Map<String, String> fromEnv = map("LOGREDACT_COLLECTOR_ENDPOINT", "https://env.example");
        fromEnv.putAll(otel);
        assertEquals(URI.create("https://arg.example/v1/logs"),
                load("collector.endpoint=https://arg.example", props(), otel).config().collectorLogsUrl());
        assertEquals(URI.create("https://sys.example/v1/logs"),
                load(null, props("logredact.collector.endpoint", "https://sys.example"), otel).config().collectorLogsUrl());
        assertEquals(URI.create("https://env.example/v1/logs"), load(null, props(), fromEnv).config().collectorLogsUrl());
        LoadedConfig loaded = load(null, props(), fromFile);
        assertEquals(URI.create("https://file.example/v1/logs"), loaded.config().collectorLogsUrl());
        assertEquals(Map.of(), loaded.config().collectorHeaders());
        assertFalse(loaded.config().describe().contains("OTEL_"), loaded.config().describe());
    }

    @Test
    void anInvalidEndpointKeyIsNotReplacedByTheOtelVariables() {
        LoadedConfig loaded = env("LOGREDACT_COLLECTOR_ENDPOINT", "ftp://c.example", OPT_IN, "true",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel.example:4318");
        assertEquals("LOGREDACT_COLLECTOR_ENDPOINT=ftp://c.example (environment): not an http or https URL", texts(loaded));
        assertNull(loaded.config().collectorLogsUrl());
    }

    /** W3C Baggage values: percent-decoded, a plus stays a plus; the logs variable replaces the generic one whole. */
    @Test
    void headersArePercentDecodedAndTheLogsVariableReplacesTheGenericOne() {
        LoadedConfig loaded = env(OPT_IN, "true", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel.example:4318",
                "OTEL_EXPORTER_OTLP_HEADERS", " Authorization = Basic%20dXNlcjpw+/== ,X-Team=ci%2Cbuild%3D1,X-Utf8=caf%C3%A9 ");
        assertEquals(List.of(), loaded.messages());
        assertEquals(map("Authorization", "Basic dXNlcjpw+/==", "X-Team", "ci,build=1", "X-Utf8", "café"),
                loaded.config().collectorHeaders());
        assertTrue(loaded.config().describe().endsWith(" with the headers of OTEL_EXPORTER_OTLP_HEADERS"));

        LoadedConfig logs = env(OPT_IN, "true", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel.example:4318",
                "OTEL_EXPORTER_OTLP_HEADERS", "X-Generic=1", "OTEL_EXPORTER_OTLP_LOGS_HEADERS", "X-Logs=2");
        assertEquals(map("X-Logs", "2"), logs.config().collectorHeaders());
    }

    @Test
    void theLogredactHeaderKeysWinForANameBothSet() {
        LoadedConfig loaded = env(OPT_IN, "true", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel.example:4318",
                "OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20" + TOKEN + ",X-Otel=1",
                "LOGREDACT_COLLECTOR_HEADERS", "authorization=Bearer mine");
        assertEquals(map("Authorization", "Bearer mine", "X-Otel", "1"), loaded.config().collectorHeaders());
    }

    /** Each problem names the variable and the place, never a header value or a URL's query or user info. */
    @Test
    void invalidVariablesAreErrorsThatQuoteNoSecretAndThePairsGenericOneIsTried() {
        LoadedConfig loaded = env(OPT_IN, "true",
                "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "https://logs.example/v1/logs?api_key=" + TOKEN,
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel.example:4318",
                "OTEL_EXPORTER_OTLP_LOGS_HEADERS", "Authorization=Bearer%2" + TOKEN,
                "OTEL_EXPORTER_OTLP_HEADERS", "X-Ok=1");
        assertEquals(String.join("\n",
                "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT=https://logs.example/v1/logs?*** (environment): must not have a query"
                        + " or fragment: a query can carry a credential, and URLs end up in logs",
                "OTEL_EXPORTER_OTLP_LOGS_HEADERS=<hidden> (environment): pair 1: the value has a '%' that is not"
                        + " followed by two hex digits"), texts(loaded));
        assertTrue(loaded.hasErrors());
        assertEquals(URI.create("http://otel.example:4318/v1/logs"), loaded.config().collectorLogsUrl());
        assertEquals(map("X-Ok", "1"), loaded.config().collectorHeaders());

        LoadedConfig credentials = env(OPT_IN, "true", "OTEL_EXPORTER_OTLP_ENDPOINT", "https://u:" + TOKEN + "@otel.example",
                "OTEL_EXPORTER_OTLP_HEADERS", "A=%FF" + TOKEN);
        assertEquals(String.join("\n",
                "OTEL_EXPORTER_OTLP_ENDPOINT=https://***@otel.example (environment): must not carry credentials: put them"
                        + " in collector.headers or collector.headers.file"), texts(credentials));
        assertNull(credentials.config().collectorLogsUrl());
        assertFalse(texts(credentials).contains(TOKEN));
        assertEquals("OTEL_EXPORTER_OTLP_HEADERS=<hidden> (environment): pair 1: the percent-decoded value is not UTF-8",
                texts(env(OPT_IN, "true", "OTEL_EXPORTER_OTLP_ENDPOINT", "https://otel.example",
                        "OTEL_EXPORTER_OTLP_HEADERS", "A=%FF" + TOKEN)));
    }

    /** An OTel collector's gRPC port speaks no OTLP/HTTP: said once, and nothing is sent there. */
    @Test
    void aGrpcProtocolIsToldAndNotUsed() {
        LoadedConfig grpc = env(OPT_IN, "true", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel.example:4317",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");
        assertEquals("OTEL_EXPORTER_OTLP_PROTOCOL=grpc (environment): logredact sends OTLP over HTTP only, so the"
                + " OTEL_EXPORTER_OTLP endpoint is not used; set logredact.collector.endpoint", texts(grpc));
        assertFalse(grpc.hasErrors(), "the build's own telemetry settings are not our configuration's errors");
        assertNull(grpc.config().collectorLogsUrl());

        LoadedConfig logsOverHttp = env(OPT_IN, "true", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel.example:4318",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc", "OTEL_EXPORTER_OTLP_LOGS_PROTOCOL", "http/protobuf");
        assertEquals(List.of(), logsOverHttp.messages());
        assertEquals(URI.create("http://otel.example:4318/v1/logs"), logsOverHttp.config().collectorLogsUrl());
    }
}
