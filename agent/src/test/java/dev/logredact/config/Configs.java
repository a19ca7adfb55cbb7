package dev.logredact.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/** Shortcuts for loading a configuration from literal sources in tests. */
final class Configs {
    static final String TMP = "/tmp/test-tmpdir";

    private Configs() {
    }

    /** {@code name, value, name, value, …} */
    static Map<String, String> map(String... nameValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.put(nameValues[i], nameValues[i + 1]);
        }
        return m;
    }

    /** System properties with a fixed {@code java.io.tmpdir} plus the given ones. */
    static Properties props(String... nameValues) {
        Properties p = new Properties();
        p.setProperty("java.io.tmpdir", TMP);
        p.setProperty("java.version", "17");
        p.putAll(map(nameValues));
        return p;
    }

    static LoadedConfig load(String agentArgs, Properties props, Map<String, String> env) {
        return ConfigLoader.load(agentArgs, props, env);
    }

    static LoadedConfig args(String agentArgs) {
        return load(agentArgs, props(), map());
    }

    static LoadedConfig env(String... nameValues) {
        return load(null, props(), map(nameValues));
    }

    static LoadedConfig sys(String... nameValues) {
        return load(null, props(nameValues), map());
    }

    static String texts(LoadedConfig loaded) {
        return loaded.messages().stream().map(ConfigMessage::text).collect(Collectors.joining("\n"));
    }
}
