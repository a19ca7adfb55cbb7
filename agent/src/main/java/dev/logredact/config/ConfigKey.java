package dev.logredact.config;

import dev.logredact.mask.MaskTemplate;
import dev.logredact.rules.RuleSetLoader;

import java.util.Collections;
import java.util.Properties;

/**
 * Every configuration key (ARCHITECTURE §4), its default, how its text becomes a value and whether that
 * value may be shown. An enum with one switch rather than a parser object per key: this runs in
 * {@code premain} of every JVM of a build, where each extra class or lambda is start-up time. For the
 * same reason values are kept in arrays indexed by {@link #ordinal()}, not in an {@code EnumMap}: EnumMap
 * and EnumSet find the constants reflectively, which on JDK 18+ first spins method handles (about 5 ms
 * in a fresh JVM on JDK 25).
 */
enum ConfigKey {
    ENABLED("enabled", Visibility.PLAIN, Boolean.TRUE),
    MASK("mask", Visibility.PLAIN, MaskTemplate.DEFAULT),
    RULES("rules", Visibility.PLAIN, RuleSetLoader.DEFAULT_SOURCE),
    /** Null means the built-in globs; the globs themselves are checked where they are compiled. */
    SECRETS_ENV("secrets.env", Visibility.PLAIN, null),
    SECRETS_FILE("secrets.file", Visibility.PLAIN, null),
    SECRETS_MIN_LENGTH("secrets.min.length", Visibility.PLAIN, 6),
    COLLECTOR_ENDPOINT("collector.endpoint", Visibility.URL, null),
    COLLECTOR_HEADERS("collector.headers", Visibility.SECRET, Collections.<String, String>emptyMap()),
    COLLECTOR_HEADERS_FILE("collector.headers.file", Visibility.PLAIN, null),
    COLLECTOR_DRAIN_MILLIS("collector.drain.millis", Visibility.PLAIN, 5000L),
    /** Whether the OTLP exporter's OTEL_EXPORTER_OTLP_* variables are a fallback: see {@link OtlpEnvironment}. */
    COLLECTOR_OTEL_ENV("collector.otel.env", Visibility.PLAIN, Boolean.FALSE),
    /** Its default depends on the JVM: see {@link #defaultValue(Properties)}. */
    SPOOL_DIR("spool.dir", Visibility.PLAIN, null),
    FINGERPRINT_KEY("fingerprint.key", Visibility.SECRET, null),
    SUMMARY("summary", Visibility.PLAIN, Boolean.TRUE),
    GITHUB_ADD_MASK("github.add.mask", Visibility.PLAIN, Boolean.FALSE),
    INSTRUMENT("instrument", Visibility.PLAIN, Hook.all()),
    ON_ERROR("on.error", Visibility.PLAIN, OnError.WITHHOLD),
    DEBUG("debug", Visibility.PLAIN, Boolean.FALSE),
    STRICT("strict", Visibility.PLAIN, Boolean.FALSE),
    IDLE_MILLIS("idle.millis", Visibility.PLAIN, 200L),
    /** Read from agent arguments, system properties and the environment only, before the file it names. */
    CONFIG_FILE("config.file", Visibility.PLAIN, null);

    /** How much of a value messages and {@code describe()} may show. */
    enum Visibility {
        PLAIN,
        /** A URL can carry a password or a token; those parts are hidden. */
        URL,
        /** Only whether it is set. */
        SECRET
    }

    /** The name without the {@code logredact.} prefix, as agent arguments spell it. */
    final String id;
    final Visibility visibility;
    private final Object defaultValue;

    ConfigKey(String id, Visibility visibility, Object defaultValue) {
        this.id = id;
        this.visibility = visibility;
        this.defaultValue = defaultValue;
    }

    /** The length of arrays indexed by {@link #ordinal()}. */
    static final int COUNT = values().length;

    static ConfigKey byId(String id) {
        for (ConfigKey key : values()) {
            if (key.id.equals(id)) {
                return key;
            }
        }
        return null;
    }

    Object defaultValue(Properties systemProperties) {
        if (this == SPOOL_DIR) {
            String tmp = systemProperties.getProperty("java.io.tmpdir", System.getProperty("java.io.tmpdir"));
            // Text, made a Path when asked for (AgentConfig.spoolDir): a Path sets up the JDK's file system
            // classes, a millisecond of every JVM's start-up, and most JVMs never spool.
            return new java.io.File(tmp, "logredact-spool").getPath();
        }
        return defaultValue;
    }

    /**
     * @param text trimmed, not empty
     * @return a value of the type the {@link AgentConfig} getter of this key returns
     */
    Object parse(String text) throws InvalidValueException {
        switch (this) {
            case ENABLED:
            case SUMMARY:
            case GITHUB_ADD_MASK:
            case COLLECTOR_OTEL_ENV:
            case DEBUG:
            case STRICT:
                return Values.bool(text);
            case MASK:
                return Values.mask(text);
            case RULES:
            case SECRETS_ENV:
            case FINGERPRINT_KEY:
                return text;
            case SECRETS_FILE:
            case SPOOL_DIR:
                return Values.path(text);
            case SECRETS_MIN_LENGTH:
                return (int) Values.wholeNumber(text, 1, Integer.MAX_VALUE);
            case IDLE_MILLIS:
            case COLLECTOR_DRAIN_MILLIS:
                return Values.wholeNumber(text, 0, Long.MAX_VALUE);
            case COLLECTOR_ENDPOINT:
                return Endpoint.parse(text);
            case COLLECTOR_HEADERS:
                return HeaderSet.parsePairs(text);
            case COLLECTOR_HEADERS_FILE:
                return PairsFile.headers(Values.path(text));
            case INSTRUMENT:
                return Hook.parseList(text);
            case ON_ERROR:
                return OnError.parse(text);
            case CONFIG_FILE:
                return PairsFile.properties(Values.path(text));
            default:
                throw new AssertionError(this);
        }
    }

    /** The raw text of this key as a message may quote it. */
    String shown(String raw) {
        switch (visibility) {
            case SECRET:
                return "<hidden>";
            case URL:
                return Endpoint.withoutCredentials(raw);
            default:
                return raw;
        }
    }
}
