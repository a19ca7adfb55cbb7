package dev.logredact.config;

import dev.logredact.rules.Levenshtein;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How a source spells keys: {@code secrets.min.length}, {@code logredact.secrets.min.length} or {@code LOGREDACT_SECRETS_MIN_LENGTH}. */
enum KeySpelling {
    AGENT_ARGUMENT(""),
    PROPERTY("logredact."),
    ENVIRONMENT("LOGREDACT_");

    final String prefix;

    KeySpelling(String prefix) {
        this.prefix = prefix;
    }

    String spell(ConfigKey key) {
        return this == ENVIRONMENT ? prefix + key.id.toUpperCase(Locale.ROOT).replace('.', '_') : prefix + key.id;
    }

    /** The key this source spells {@code name}, exactly; null when it is not one. */
    ConfigKey recognise(String name) {
        ConfigKey key = ConfigKey.byId(normalise(name));
        return key != null && spell(key).equals(name) ? key : null;
    }

    /** The known key nearest to {@code name}, spelled for this source. */
    String closest(String name) {
        List<String> ids = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            ids.add(key.id);
        }
        return spell(ConfigKey.byId(Levenshtein.closest(normalise(name), ids)));
    }

    /**
     * Any spelling reduced to the form of a key id, so that a name spelled for another source, or in
     * the wrong case, is compared on what it says.
     */
    private static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("logredact.") || n.startsWith("logredact_")) {
            n = n.substring("logredact.".length());
        }
        return n.replace('_', '.');
    }
}
