package dev.logredact.attach;

import dev.logredact.event.Fingerprinter;
import dev.logredact.export.Reporter;
import dev.logredact.mask.Span;
import dev.logredact.mask.Redactor;
import dev.logredact.rules.RuleLoadException;
import dev.logredact.rules.RuleProblem;
import dev.logredact.rules.RuleSetCache;
import dev.logredact.rules.RuleSet;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.secrets.SecretRegistry;
import dev.logredact.match.LiteralSet;
import dev.logredact.stream.LiteralSource;
import dev.logredact.stream.StreamMasker;
import dev.logredact.stream.TextMasker;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

/**
 * The agent's masking engine: rules, known secrets and what they masked. Built once per JVM, off the
 * start-up path; every masking stream shares it.
 */
final class Engine {
    private static final int MAX_LEARNED = 1000;
    private static final int MAX_LEARNED_CHARS = 256 * 1024;

    private final Redactor rules;
    private final SecretRegistry secrets;
    /** The registry, or the registry with a tap on what rules find (see {@link SecretSink}). */
    private final LiteralSource literals;
    private final RedactionCounts counts = new RedactionCounts();
    /** Null when no collector is configured. */
    private final Reporter reporter;
    /** Known secrets refused at start-up (too short, too common): their warnings were printed then. */
    private final int refused;

    private Engine(Redactor rules, SecretRegistry secrets, int refused, Settings settings) {
        this.rules = rules;
        this.refused = refused;
        this.secrets = secrets;
        this.literals = settings.ruleFindings == null ? secrets : tapped(secrets, settings.ruleFindings);
        this.reporter = settings.reporter;
    }

    /**
     * Told the value of each secret a rule finds that was not given as a known secret, on the writing
     * thread, before its mask is written. Only for telling a CI runner to mask it too
     * ({@code ::add-mask::}); the runner has the secrets the job was given. A value must go nowhere else.
     */
    interface SecretSink {
        void found(String ruleId, String value);
    }

    /** What the engine is built from: the agent's settings that concern masking. */
    static final class Settings {
        String rules = "default";
        String mask = "[REDACTED:{rule}]";
        String fingerprintKey;
        String secretsEnv;
        Path secretsFile;
        int minLength = 6;
        /** Told of every mask written; null when events are not reported. */
        Reporter reporter;
        /** Null unless the values of rule findings are wanted. */
        SecretSink ruleFindings;
    }

    /**
     * Builds the engine, reporting every problem on {@code err} (never a value). A rule file that cannot
     * be loaded falls back to the default rules, so masking never stops because of a typo.
     */
    static Engine build(Settings settings, Map<String, String> environment, PrintStream err) {
        return build(settings, readSecrets(settings, environment), err);
    }

    /** The known secrets of the environment and the secrets file, read on a thread of their own from now on. */
    static KnownSecretsLoad readSecrets(Settings settings, Map<String, String> environment) {
        return KnownSecretsLoad.start(settings, environment, newRegistry(settings));
    }

    /** The known secrets read on this thread, into a registry of their own. */
    static KnownSecretsLoad readSecretsHere(Settings settings, Map<String, String> environment) {
        return KnownSecretsLoad.readHere(settings, environment, newRegistry(settings));
    }

    private static SecretRegistry newRegistry(Settings settings) {
        return new SecretRegistry(settings.minLength, MAX_LEARNED, MAX_LEARNED_CHARS);
    }

    /** As {@link #build(Settings, Map, PrintStream)}, with the known secrets' reading started. */
    static Engine build(Settings settings, KnownSecretsLoad secretsLoad, PrintStream err) {
        RuleSet ruleSet;
        try {
            // Rule files are kept checked in the user's cache, as the CLI keeps them: reading gitleaks'
            // TOML and compiling its patterns adds 140 ms to every JVM of a build, the cache's hit a few.
            ruleSet = RuleSetLoader.namesFiles(settings.rules)
                    ? RuleSetLoader.load(settings.rules, RuleSetCache.inUserCache())
                    : RuleSetLoader.load(settings.rules);
        } catch (RuleLoadException e) {
            err.println("logredact: " + e.getMessage() + "; masking with the default rules instead");
            ruleSet = RuleSetLoader.defaults();
        }
        for (RuleProblem p : ruleSet.problems()) {
            err.println("logredact: " + p);
        }
        Fingerprinter fingerprinter;
        if (settings.fingerprintKey != null && !settings.fingerprintKey.isEmpty()) {
            fingerprinter = Fingerprinter.withKey(settings.fingerprintKey);
        } else {
            fingerprinter = Fingerprinter.withRandomKey();
        }
        Redactor.Builder builder = Redactor.builder(ruleSet).fingerprinter(fingerprinter);
        try {
            builder.mask(settings.mask);
        } catch (IllegalArgumentException e) {
            err.println("logredact: logredact.mask: " + e.getMessage() + "; using [REDACTED:{rule}]");
        }
        Redactor redactor = builder.build();
        int refused = secretsLoad.await(err);
        return new Engine(redactor, secretsLoad.registry(), refused, settings);
    }

    /** A masker for one stream; what it masks is counted (and reported) under {@code channel}. */
    StreamMasker masker(OutputStream target, Charset charset, String channel) {
        return new StreamMasker(rules, literals, charset, target, new ChannelSink(this, channel));
    }

    /**
     * Bytes of complete lines masked, counted under {@code channel}; the same array when nothing in them
     * is secret. Bytes that are not valid in {@code charset} pass through unchanged.
     */
    byte[] maskBytes(byte[] bytes, Charset charset, String channel) {
        return textMasker(channel).mask(bytes, charset);
    }

    /** A complete text masked, counted under {@code channel}; the same instance when nothing in it is secret. */
    String maskText(String text, String channel) {
        return textMasker(channel).mask(text);
    }

    private TextMasker textMasker(String channel) {
        return new TextMasker(rules, literals, new ChannelSink(this, channel));
    }

    /**
     * A text of the agent's own (a thread name for an event, say) masked, neither counted nor reported:
     * what goes into an event must not carry a secret either.
     */
    String scrub(String text) {
        return new TextMasker(rules, literals, StreamMasker.RedactionSink.NONE).mask(text);
    }

    private static LiteralSource tapped(SecretRegistry secrets, SecretSink sink) {
        return new LiteralSource() {
            @Override
            public LiteralSet current(Charset charset) {
                return secrets.current(charset);
            }

            @Override
            public void learned(String ruleId, String value) {
                secrets.learned(ruleId, value);
                if (!secrets.isGiven(value)) {
                    sink.found(ruleId, value);
                }
            }
        };
    }

    /**
     * Counts each mask under a channel and reports it when events are reported; a class, not a lambda,
     * since lambdas cost start-up time.
     */
    private static final class ChannelSink implements StreamMasker.RedactionSink {
        private final Engine engine;
        private final String channel;

        ChannelSink(Engine engine, String channel) {
            this.engine = engine;
            this.channel = channel;
        }

        @Override
        public void redacted(Span mask) {
            engine.counts.count(mask, channel);
            if (engine.reporter != null) {
                engine.reporter.redacted(mask, channel, null);
            }
        }
    }

    SecretRegistry secrets() {
        return secrets;
    }

    RedactionCounts counts() {
        return counts;
    }

    long refused() {
        return refused;
    }
}
