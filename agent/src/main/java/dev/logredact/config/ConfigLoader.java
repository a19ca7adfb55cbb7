package dev.logredact.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the agent's configuration (ARCHITECTURE §4). Precedence, highest first: agent arguments, system
 * properties {@code logredact.*}, environment {@code LOGREDACT_*}, the properties file named by
 * {@code logredact.config.file}, defaults. For each key the first source whose value is valid wins; an
 * invalid value is reported and the next source is tried. Below all of them, and only when asked, the
 * OTLP exporter's variables give the collector ({@link OtlpEnvironment}). Never throws for bad input.
 */
public final class ConfigLoader {
    private final List<ConfigMessage> messages = new ArrayList<>();
    private final List<Source> sources = new ArrayList<>();
    /** By {@link ConfigKey#ordinal()}. */
    private final Object[] values = new Object[ConfigKey.COUNT];
    private final String[] origins = new String[ConfigKey.COUNT];

    private ConfigLoader() {
    }

    /**
     * @param agentArgs the {@code premain} argument, {@code key=value;key=value}, or null
     * @param systemProperties usually {@link System#getProperties()}
     * @param environment usually {@link System#getenv()}
     */
    public static LoadedConfig load(String agentArgs, Properties systemProperties, Map<String, String> environment) {
        ConfigLoader loader = new ConfigLoader();
        loader.sources.add(Source.agentArguments(agentArgs, loader.messages));
        loader.sources.add(Source.systemProperties(systemProperties, loader.messages));
        loader.sources.add(Source.environment(environment, loader.messages));
        PairsFile file = (PairsFile) loader.resolve(ConfigKey.CONFIG_FILE, null);
        if (file != null) {
            loader.sources.add(loader.configFileSource(file));
        }
        for (ConfigKey key : ConfigKey.values()) {
            if (key != ConfigKey.CONFIG_FILE) {
                loader.resolve(key, key.defaultValue(systemProperties));
            }
        }
        OtlpEnvironment otel = null;
        // Below every logredact source: even an invalid logredact.collector.endpoint says where the user
        // meant events to go.
        if ((Boolean) loader.values[ConfigKey.COLLECTOR_OTEL_ENV.ordinal()] && !loader.anySourceSets(ConfigKey.COLLECTOR_ENDPOINT)) {
            otel = OtlpEnvironment.read(environment, loader.messages);
        }
        return new LoadedConfig(new AgentConfig(loader.values, loader.origins, otel), loader.messages);
    }

    private boolean anySourceSets(ConfigKey key) {
        for (Source source : sources) {
            String raw = source.get(key);
            if (raw != null && !raw.trim().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private Source configFileSource(PairsFile file) {
        Source source = Source.configFile(file, messages);
        if (source.get(ConfigKey.CONFIG_FILE) != null) {
            messages.add(ConfigMessage.warning(KeySpelling.PROPERTY.spell(ConfigKey.CONFIG_FILE) + " ("
                    + source.label + ") is ignored: a config file cannot name another"));
        }
        return source;
    }

    private Object resolve(ConfigKey key, Object defaultValue) {
        for (Source source : sources) {
            String raw = source.get(key);
            // Blank counts as unset: CI templates such as ${{ secrets.X }} give an empty string when X is
            // not available (pull requests from forks), which must not hide a lower source.
            if (raw == null || raw.trim().isEmpty()) {
                continue;
            }
            try {
                Object value = key.parse(raw.trim());
                if (key.visibility == ConfigKey.Visibility.SECRET && source.onCommandLine) {
                    messages.add(ConfigMessage.warning(source.spelling.spell(key) + " (" + source.label + ") is on the"
                            + " command line, which other processes, JVM banners and test reports show; set "
                            + KeySpelling.ENVIRONMENT.spell(key) + " instead"));
                }
                return found(key, value, source.label);
            } catch (InvalidValueException e) {
                messages.add(ConfigMessage.error(source.spelling.spell(key) + "=" + key.shown(raw.trim())
                        + " (" + source.label + "): " + e.getMessage()));
            }
        }
        return found(key, defaultValue, Source.DEFAULT);
    }

    private Object found(ConfigKey key, Object value, String origin) {
        values[key.ordinal()] = value;
        origins[key.ordinal()] = origin;
        return value;
    }
}
