package dev.logredact.config;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenTelemetry OTLP exporter's own variables, a fallback below the {@code logredact.collector.*}
 * keys that is read only with {@code logredact.collector.otel.env=true} and no
 * {@code logredact.collector.endpoint} in any source: a build that already exports its telemetry can send
 * the events to the same collector, but never without asking (reporting notes §4 rule 9).
 *
 * <p>As the OTLP exporter specification says: {@value #LOGS_ENDPOINT} is the URL as is, else
 * {@value #ENDPOINT} gets {@code /v1/logs}; headers are {@code k=v,k2=v2} with percent-encoded values,
 * {@value #LOGS_HEADERS} replacing {@value #HEADERS}. For each pair the signal's variable comes first, and
 * one with an invalid value is reported and passed over, as a source is. A {@code grpc} protocol means
 * the endpoint speaks no OTLP/HTTP, so it is not used.
 */
final class OtlpEnvironment {
    static final String LOGS_ENDPOINT = "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT";
    static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String LOGS_HEADERS = "OTEL_EXPORTER_OTLP_LOGS_HEADERS";
    static final String HEADERS = "OTEL_EXPORTER_OTLP_HEADERS";
    static final String LOGS_PROTOCOL = "OTEL_EXPORTER_OTLP_LOGS_PROTOCOL";
    static final String PROTOCOL = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /** Where events are POSTed. */
    final URI logsUrl;
    /** The variable {@link #logsUrl} came from. */
    final String endpointVariable;
    /** Never to be shown; empty when no headers variable is set. */
    final Map<String, String> headers;
    /** The variable {@link #headers} came from, or null. */
    final String headersVariable;

    private OtlpEnvironment(URI logsUrl, String endpointVariable, Map<String, String> headers, String headersVariable) {
        this.logsUrl = logsUrl;
        this.endpointVariable = endpointVariable;
        this.headers = headers;
        this.headersVariable = headersVariable;
    }

    /** Null when no usable endpoint variable is set; every problem goes to {@code messages}. */
    static OtlpEnvironment read(Map<String, String> environment, List<ConfigMessage> messages) {
        String protocolVariable = firstSet(environment, LOGS_PROTOCOL, PROTOCOL);
        if (protocolVariable != null && environment.get(protocolVariable).trim().toLowerCase(Locale.ROOT).equals("grpc")) {
            if (firstSet(environment, LOGS_ENDPOINT, ENDPOINT) != null) {
                messages.add(ConfigMessage.warning(protocolVariable + "=grpc (environment): logredact sends OTLP over HTTP"
                        + " only, so the OTEL_EXPORTER_OTLP endpoint is not used; set logredact.collector.endpoint"));
            }
            return null;
        }
        URI url = null;
        String endpointVariable = null;
        for (String variable : new String[] {LOGS_ENDPOINT, ENDPOINT}) {
            String raw = value(environment, variable);
            if (raw == null) {
                continue;
            }
            try {
                url = variable.equals(LOGS_ENDPOINT) ? Endpoint.parseLogsUrl(raw) : Endpoint.logsUrl(Endpoint.parse(raw));
                endpointVariable = variable;
                break;
            } catch (InvalidValueException e) {
                messages.add(ConfigMessage.error(variable + "=" + Endpoint.withoutCredentials(raw) + " (environment): "
                        + e.getMessage()));
            }
        }
        if (url == null) {
            return null;
        }
        for (String variable : new String[] {LOGS_HEADERS, HEADERS}) {
            String raw = value(environment, variable);
            if (raw == null) {
                continue;
            }
            try {
                return new OtlpEnvironment(url, endpointVariable, HeaderSet.parsePercentEncodedPairs(raw), variable);
            } catch (InvalidValueException e) {
                // The value is not quoted: it holds credentials.
                messages.add(ConfigMessage.error(variable + "=<hidden> (environment): " + e.getMessage()));
            }
        }
        return new OtlpEnvironment(url, endpointVariable, Collections.<String, String>emptyMap(), null);
    }

    /** The trimmed value; null when unset or blank (blank counts as unset, as for the logredact keys). */
    private static String value(Map<String, String> environment, String variable) {
        String raw = environment.get(variable);
        return raw == null || raw.trim().isEmpty() ? null : raw.trim();
    }

    private static String firstSet(Map<String, String> environment, String... variables) {
        for (String variable : variables) {
            if (value(environment, variable) != null) {
                return variable;
            }
        }
        return null;
    }
}
