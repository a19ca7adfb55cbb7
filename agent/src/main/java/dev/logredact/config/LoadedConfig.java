package dev.logredact.config;

import java.util.Collections;
import java.util.List;

/** The configuration to run with, and what was wrong with what was given. */
public final class LoadedConfig {
    private final AgentConfig config;
    private final List<ConfigMessage> messages;

    LoadedConfig(AgentConfig config, List<ConfigMessage> messages) {
        this.config = config;
        this.messages = Collections.unmodifiableList(messages);
    }

    /** Usable whatever went wrong: each invalid value was replaced by a lower source's or the default. */
    public AgentConfig config() {
        return config;
    }

    /** Warnings and errors in the order found, for stderr. */
    public List<ConfigMessage> messages() {
        return messages;
    }

    /** Whether any value was rejected: with {@link AgentConfig#strict()} the JVM should not start. */
    public boolean hasErrors() {
        for (ConfigMessage m : messages) {
            if (m.severity() == ConfigMessage.Severity.ERROR) {
                return true;
            }
        }
        return false;
    }
}
