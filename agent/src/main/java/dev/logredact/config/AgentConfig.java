package dev.logredact.config;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The agent's effective settings (ARCHITECTURE §4), immutable. Built by {@link ConfigLoader}. */
public final class AgentConfig {
    /** By {@link ConfigKey#ordinal()}. */
    private final Object[] values;
    private final String[] origins;
    /** The OTEL_EXPORTER_OTLP_* fallback when it gives the collector, else null. */
    private final OtlpEnvironment otel;
    private final URI collectorLogsUrl;
    private final Map<String, String> collectorHeaders;

    /** Takes the arrays over. */
    AgentConfig(Object[] values, String[] origins, OtlpEnvironment otel) {
        this.values = values;
        this.origins = origins;
        this.otel = otel;
        URI endpoint = collectorEndpoint();
        this.collectorLogsUrl = endpoint != null ? Endpoint.logsUrl(endpoint) : otel != null ? otel.logsUrl : null;
        this.collectorHeaders = mergedHeaders();
    }

    public boolean enabled() {
        return (Boolean) get(ConfigKey.ENABLED);
    }

    /** The mask template, already checked by the engine's rules. */
    public String mask() {
        return (String) get(ConfigKey.MASK);
    }

    /** {@code none}, {@code default}, or a comma list of {@code default} and TOML files; checked when loaded. */
    public String rules() {
        return (String) get(ConfigKey.RULES);
    }

    /** A comma list of name globs or {@code none}; null means the built-in globs. */
    public String secretsEnv() {
        return (String) get(ConfigKey.SECRETS_ENV);
    }

    /** Null when unset. */
    public Path secretsFile() {
        return (Path) get(ConfigKey.SECRETS_FILE);
    }

    public int secretsMinLength() {
        return (Integer) get(ConfigKey.SECRETS_MIN_LENGTH);
    }

    /** {@code logredact.collector.endpoint}: an http or https URL with a host and no credentials, or null. */
    public URI collectorEndpoint() {
        return (URI) get(ConfigKey.COLLECTOR_ENDPOINT);
    }

    /**
     * Where events are POSTed: {@code {collector.endpoint}/v1/logs}, or with {@code collector.otel.env}
     * and no endpoint key, the OTLP exporter's logs endpoint; null when events are not exported.
     */
    public URI collectorLogsUrl() {
        return collectorLogsUrl;
    }

    /**
     * The headers of every export request: those of the OTLP exporter's variables when they give the
     * collector, then {@link #collectorHeadersFile()}, then {@code collector.headers}; a later one wins for
     * a name both set. Names are case-insensitive. Never log these.
     */
    public Map<String, String> collectorHeaders() {
        return collectorHeaders;
    }

    /** Null when unset. */
    public Path collectorHeadersFile() {
        return pathOf(ConfigKey.COLLECTOR_HEADERS_FILE);
    }

    /** How long the exit waits for events to reach the collector before leaving them spooled. */
    public long collectorDrainMillis() {
        return (Long) get(ConfigKey.COLLECTOR_DRAIN_MILLIS);
    }

    public Path spoolDir() {
        Object dir = get(ConfigKey.SPOOL_DIR);
        return dir instanceof String ? Paths.get((String) dir) : (Path) dir;
    }

    /** The HMAC key for fingerprints, or null; never log it. */
    public String fingerprintKey() {
        return (String) get(ConfigKey.FINGERPRINT_KEY);
    }

    public boolean summary() {
        return (Boolean) get(ConfigKey.SUMMARY);
    }

    /**
     * Whether to print {@code ::add-mask::} for each secret a rule finds, so that the GitHub Actions
     * runner masks it in later steps too; only effective when {@code GITHUB_ACTIONS=true}.
     */
    public boolean githubAddMask() {
        return (Boolean) get(ConfigKey.GITHUB_ADD_MASK);
    }

    /** Unmodifiable. */
    @SuppressWarnings("unchecked")
    public Set<Hook> instrument() {
        return (Set<Hook>) get(ConfigKey.INSTRUMENT);
    }

    public OnError onError() {
        return (OnError) get(ConfigKey.ON_ERROR);
    }

    public boolean debug() {
        return (Boolean) get(ConfigKey.DEBUG);
    }

    /** Whether the JVM should refuse to start when {@link LoadedConfig#hasErrors()}. */
    public boolean strict() {
        return (Boolean) get(ConfigKey.STRICT);
    }

    /** How long an unfinished line may wait before it is released. */
    public long idleMillis() {
        return (Long) get(ConfigKey.IDLE_MILLIS);
    }

    /** The properties file read, or null. */
    public Path configFile() {
        return pathOf(ConfigKey.CONFIG_FILE);
    }

    /**
     * The effective settings for {@code logredact.debug}: one {@code logredact: key = value (source)} line
     * each, lines separated by {@code \n}. Secret values show only as {@code <set>} or {@code <unset>}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (ConfigKey key : ConfigKey.values()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append("logredact: ").append(key.id).append(" = ").append(shown(key, get(key)))
                    .append(" (").append(origins[key.ordinal()]).append(')');
        }
        if (otel != null) {
            sb.append("\nlogredact: events go to ").append(otel.logsUrl).append(" (").append(otel.endpointVariable).append(')');
            if (otel.headersVariable != null) {
                sb.append(" with the headers of ").append(otel.headersVariable);
            }
        }
        return sb.toString();
    }

    private Object get(ConfigKey key) {
        return values[key.ordinal()];
    }

    private Path pathOf(ConfigKey fileKey) {
        PairsFile file = (PairsFile) get(fileKey);
        return file == null ? null : file.path;
    }

    private static String shown(ConfigKey key, Object value) {
        if (key.visibility == ConfigKey.Visibility.SECRET) {
            boolean set = value != null && !(value instanceof Map && ((Map<?, ?>) value).isEmpty());
            return set ? "<set>" : "<unset>";
        }
        if (value == null) {
            return key == ConfigKey.SECRETS_ENV ? "<built-in globs>" : "<unset>";
        }
        return value instanceof Collection ? joined((Collection<?>) value) : value.toString();
    }

    private static String joined(Collection<?> items) {
        if (items.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (Iterator<?> it = items.iterator(); it.hasNext(); ) {
            sb.append(it.next()).append(it.hasNext() ? "," : "");
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> mergedHeaders() {
        Map<String, String> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (otel != null) {
            merged.putAll(otel.headers);
        }
        PairsFile file = (PairsFile) get(ConfigKey.COLLECTOR_HEADERS_FILE);
        if (file != null) {
            merged.putAll(file.pairs);
        }
        merged.putAll((Map<String, String>) get(ConfigKey.COLLECTOR_HEADERS));
        return Collections.unmodifiableMap(merged);
    }
}
