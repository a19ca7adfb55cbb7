package dev.logredact.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The raw values one place gives, by key. Unknown names are reported as it is built. */
final class Source {
    static final String DEFAULT = "default";

    /** Named as messages and {@code describe()} show it: {@code system property}, {@code config file /x}. */
    final String label;
    final KeySpelling spelling;
    /**
     * Whether the JVM's command line carries it: other processes can read that, JAVA_TOOL_OPTIONS is
     * echoed to stderr, and Surefire copies every system property into its reports.
     */
    final boolean onCommandLine;
    /** By {@link ConfigKey#ordinal()}. */
    private final String[] values = new String[ConfigKey.COUNT];

    private Source(String label, KeySpelling spelling, boolean onCommandLine, Map<String, String> named,
            List<ConfigMessage> messages) {
        this.label = label;
        this.spelling = spelling;
        this.onCommandLine = onCommandLine;
        for (Map.Entry<String, String> e : named.entrySet()) {
            ConfigKey key = spelling.recognise(e.getKey());
            if (key == null) {
                // The value is not quoted: an unknown key may be a misspelt secret one.
                messages.add(ConfigMessage.warning("unknown key " + e.getKey() + " (" + label + "); did you mean "
                        + spelling.closest(e.getKey()) + "?"));
            } else {
                values[key.ordinal()] = e.getValue();
            }
        }
    }

    /**
     * The text after {@code -javaagent:…jar=}: {@code key=value;key=value}. Only {@code ;} separates, so
     * values may hold {@code =} and {@code ,} (header values, rule lists). A later repeat of a key wins, as
     * in a properties file.
     */
    static Source agentArguments(String args, List<ConfigMessage> messages) {
        Map<String, String> named = new LinkedHashMap<>();
        String[] parts = args == null ? new String[0] : args.split(";");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.trim().isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0 || part.substring(0, eq).trim().isEmpty()) {
                // Not quoted: without a '=' there is no telling a key from a pasted secret.
                messages.add(ConfigMessage.error("agent argument " + (i + 1) + " is not key=value"));
            } else {
                named.put(part.substring(0, eq).trim(), part.substring(eq + 1));
            }
        }
        return new Source("agent argument", KeySpelling.AGENT_ARGUMENT, true, named, messages);
    }

    static Source systemProperties(Properties properties, List<ConfigMessage> messages) {
        // Sorted here and below, so that warnings come in the same order every run.
        Map<String, String> named = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(KeySpelling.PROPERTY.prefix)) {
                named.put(name, properties.getProperty(name));
            }
        }
        return new Source("system property", KeySpelling.PROPERTY, true, named, messages);
    }

    static Source environment(Map<String, String> environment, List<ConfigMessage> messages) {
        Map<String, String> named = new TreeMap<>();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (e.getKey().startsWith(KeySpelling.ENVIRONMENT.prefix)) {
                named.put(e.getKey(), e.getValue());
            }
        }
        return new Source("environment", KeySpelling.ENVIRONMENT, false, named, messages);
    }

    /** Every key in the file is taken as ours, so a key without the prefix is reported, not skipped. */
    static Source configFile(PairsFile file, List<ConfigMessage> messages) {
        return new Source("config file " + file.path, KeySpelling.PROPERTY, false, file.pairs, messages);
    }

    /** The raw text, or null when this source does not set the key. */
    String get(ConfigKey key) {
        return values[key.ordinal()];
    }
}
