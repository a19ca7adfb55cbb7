package dev.logredact.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.Map;
import java.util.Properties;

/**
 * The properties file named by {@code logredact.config.file}. Read as UTF-8, like every other file the
 * agent reads, rather than as the Latin-1 of {@code Properties.load(InputStream)}.
 */
final class ConfigFile {
    final Path path;
    final Map<String, String> entries;

    private ConfigFile(Path path, Map<String, String> entries) {
        this.path = path;
        this.entries = entries;
    }

    static ConfigFile read(Path path) throws InvalidValueException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(TextFile.read(path)));
        } catch (IOException | IllegalArgumentException e) {
            // A StringReader cannot fail; Properties throws IllegalArgumentException on a malformed escape.
            throw new InvalidValueException("not a properties file: " + e.getMessage());
        }
        // Sorted, so that warnings about its keys come in the same order every run.
        Map<String, String> entries = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            entries.put(name, properties.getProperty(name));
        }
        return new ConfigFile(path, entries);
    }

    /** As {@code describe()} shows it. */
    @Override
    public String toString() {
        return path.toString();
    }
}
