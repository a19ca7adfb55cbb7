package dev.logredact.attach;

import dev.logredact.event.Fingerprinter;
import dev.logredact.mask.Redactor;
import dev.logredact.rules.RuleLoadException;
import dev.logredact.rules.RuleProblem;
import dev.logredact.rules.RuleSet;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.secrets.EnvGlobs;
import dev.logredact.secrets.KnownSecret;
import dev.logredact.secrets.SecretRegistry;
import dev.logredact.secrets.SecretSources;
import dev.logredact.stream.StreamMasker;
import dev.logredact.stream.TextMasker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's masking engine: rules, known secrets and what they masked. Built once per JVM, off the
 * start-up path; every masking stream shares it.
 */
final class Engine {
    private static final int MAX_LEARNED = 1000;
    private static final int MAX_LEARNED_CHARS = 256 * 1024;

    private final Redactor rules;
    private final SecretRegistry secrets;
    private final RedactionCounts counts = new RedactionCounts();
    private final AtomicLong refused = new AtomicLong();

    private Engine(Redactor rules, SecretRegistry secrets) {
        this.rules = rules;
        this.secrets = secrets;
    }

    /** What the engine is built from: the agent's settings that concern masking. */
    static final class Settings {
        String rules = "default";
        String mask = "[REDACTED:{rule}]";
        String fingerprintKey;
        String secretsEnv;
        Path secretsFile;
        int minLength = 6;
    }

    /**
     * Builds the engine, reporting every problem on {@code err} (never a value). A rule file that cannot
     * be loaded falls back to the default rules, so masking never stops because of a typo.
     */
    static Engine build(Settings settings, Map<String, String> environment, PrintStream err) {
        RuleSet ruleSet;
        try {
            ruleSet = RuleSetLoader.load(settings.rules);
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
        Engine engine = new Engine(redactor, new SecretRegistry(settings.minLength, MAX_LEARNED, MAX_LEARNED_CHARS));
        engine.loadSecrets(settings, environment, err);
        return engine;
    }

    private void loadSecrets(Settings settings, Map<String, String> environment, PrintStream err) {
        EnvGlobs globs;
        try {
            globs = settings.secretsEnv == null ? EnvGlobs.defaults() : EnvGlobs.parse(settings.secretsEnv);
        } catch (IllegalArgumentException e) {
            err.println("logredact: " + e.getMessage() + "; using the built-in variable names instead");
            globs = EnvGlobs.defaults();
        }
        add(SecretSources.fromEnvironment(environment, globs, settings.minLength), err);
        if (settings.secretsFile != null) {
            try {
                add(SecretSources.fromFile(settings.secretsFile, settings.minLength), err);
            } catch (IOException e) {
                err.println("logredact: logredact.secrets.file: " + e.getMessage());
            }
        }
    }

    private void add(SecretSources.Collected collected, PrintStream err) {
        for (SecretSources.Refused r : collected.refused()) {
            refused.incrementAndGet();
            err.println("logredact: warning: not masking " + r.label() + ": " + r.reason());
        }
        for (KnownSecret secret : collected.accepted()) {
            String reason = secrets.register(secret);
            if (reason != null) {
                refused.incrementAndGet();
                err.println("logredact: warning: not masking " + secret.label() + ": " + reason);
            }
        }
    }

    /** A masker for one stream; what it masks is counted under {@code channel}. */
    StreamMasker masker(OutputStream target, Charset charset, String channel) {
        return new StreamMasker(rules, secrets, charset, target, new ChannelCount(counts, channel));
    }

    /**
     * Bytes of complete lines masked, counted under {@code channel}; the same array when nothing in them
     * is secret. Bytes that are not valid in {@code charset} pass through unchanged.
     */
    byte[] maskBytes(byte[] bytes, Charset charset, String channel) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
        StreamMasker m = masker(out, charset, channel);
        m.write(bytes, 0, bytes.length);
        m.releaseAll(true);
        byte[] masked = out.toByteArray();
        return Arrays.equals(masked, bytes) ? bytes : masked;
    }

    /** A complete text masked, counted under {@code channel}; the same instance when nothing in it is secret. */
    String maskText(String text, String channel) {
        return new TextMasker(rules, secrets, new ChannelCount(counts, channel)).mask(text);
    }

    /** Counts each mask under a channel; a class, not a lambda, since lambdas cost start-up time. */
    private static final class ChannelCount implements StreamMasker.RedactionSink {
        private final RedactionCounts counts;
        private final String channel;

        ChannelCount(RedactionCounts counts, String channel) {
            this.counts = counts;
            this.channel = channel;
        }

        @Override
        public void redacted(dev.logredact.mask.Span mask) {
            counts.count(mask, channel);
        }
    }

    SecretRegistry secrets() {
        return secrets;
    }

    RedactionCounts counts() {
        return counts;
    }

    long refused() {
        return refused.get();
    }
}
