package dev.logredact.secrets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects literal secrets from the environment and from a secrets file, applying {@link SecretRefusal}. */
public final class SecretSources {
    private SecretSources() {
    }

    /** Variables whose names match {@code globs}, in name order so that warnings are stable across runs. */
    public static Collected fromEnvironment(Map<String, String> env, EnvGlobs globs, int minLength) {
        Map<String, String> matching = new TreeMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (globs.matches(e.getKey())) {
                matching.put(e.getKey(), e.getValue());
            }
        }
        return collect(KnownSecret.Source.ENV, matching, minLength);
    }

    /**
     * One secret per line (blank lines and lines starting with {@code #} ignored), or a JSON array of
     * strings when the first non-blank character is {@code [}.
     *
     * @throws IOException if the file cannot be read, is not UTF-8, or is not a valid JSON array of
     *     strings; the message names the file and the position
     */
    public static Collected fromFile(Path file, int minLength) throws IOException {
        return collect(KnownSecret.Source.FILE, SecretFile.read(file), minLength);
    }

    private static Collected collect(KnownSecret.Source source, Map<String, String> values, int minLength) {
        List<KnownSecret> accepted = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String reason = SecretRefusal.reason(e.getValue(), minLength);
            if (reason == null) {
                accepted.add(KnownSecret.of(source, e.getKey(), e.getValue()));
            } else {
                refused.add(new Refused(source, e.getKey(), reason));
            }
        }
        return new Collected(accepted, refused);
    }

    /** What one source gave: the secrets to mask and the values refused, each without its value. */
    public static final class Collected {
        private final List<KnownSecret> accepted;
        private final List<Refused> refused;

        Collected(List<KnownSecret> accepted, List<Refused> refused) {
            this.accepted = Collections.unmodifiableList(new ArrayList<>(accepted));
            this.refused = Collections.unmodifiableList(new ArrayList<>(refused));
        }

        public List<KnownSecret> accepted() {
            return accepted;
        }

        public List<Refused> refused() {
            return refused;
        }

        @Override
        public String toString() {
            return "Collected(" + accepted + ", refused " + refused + ")";
        }
    }

    /** A value that will not be masked, and why. Carries no value, so it can go to a warning or an event. */
    public static final class Refused {
        private final KnownSecret.Source source;
        private final String name;
        private final String reason;

        Refused(KnownSecret.Source source, String name, String reason) {
            this.source = source;
            this.name = name;
            this.reason = reason;
        }

        public KnownSecret.Source source() {
            return source;
        }

        public String name() {
            return name;
        }

        /** {@code env:NAME} or {@code file:secrets.txt:3}, as masks and events would have shown it. */
        public String label() {
            return source.label(name);
        }

        /** As from {@link SecretRefusal#reason}, e.g. {@code shorter than 6 characters}. */
        public String reason() {
            return reason;
        }

        @Override
        public String toString() {
            return label() + ": " + reason;
        }
    }
}
