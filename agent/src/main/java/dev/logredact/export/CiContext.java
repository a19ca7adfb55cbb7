package dev.logredact.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where this JVM runs in CI, as OpenTelemetry resource attributes ({@code cicd.*}, {@code vcs.*}) plus
 * the product and the actor under {@code logredact.cicd.*}, for which no convention exists. Detected
 * from an environment map (see {@link CiSystem} for the variables each system sets); every URL is sent
 * without user info.
 */
public final class CiContext {
    static final String PIPELINE_NAME = "cicd.pipeline.name";
    static final String RUN_ID = "cicd.pipeline.run.id";
    static final String RUN_URL = "cicd.pipeline.run.url.full";
    static final String TASK_NAME = "cicd.pipeline.task.name";
    static final String TASK_RUN_ID = "cicd.pipeline.task.run.id";
    static final String TASK_RUN_URL = "cicd.pipeline.task.run.url.full";
    static final String REPOSITORY_URL = "vcs.repository.url.full";
    static final String REF_NAME = "vcs.ref.head.name";
    static final String REVISION = "vcs.ref.head.revision";
    static final String CHANGE_ID = "vcs.change.id";
    static final String PROVIDER = "vcs.provider.name";
    static final String SYSTEM = "logredact.cicd.system";
    static final String ACTOR = "logredact.cicd.actor";

    private static final CiContext NONE = new CiContext(null, Collections.<String, String>emptyMap());

    private final String system;
    private final Map<String, String> attributes;

    private CiContext(String system, Map<String, String> attributes) {
        this.system = system;
        this.attributes = attributes;
    }

    /** The first CI system whose marker variable is set; no attributes outside CI. */
    public static CiContext detect(Map<String, String> environment) {
        for (CiSystem ci : CiSystem.values()) {
            if (ci.runsIn(environment)) {
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put(SYSTEM, ci.id);
                for (int i = 0; i < ci.attributes(); i++) {
                    String raw = ci.evaluate(i, environment);
                    String value = raw == null ? null : normalised(ci.attributeKey(i), raw);
                    if (value != null && !value.isEmpty()) {
                        attributes.put(ci.attributeKey(i), value);
                    }
                }
                return new CiContext(ci.id, Collections.unmodifiableMap(attributes));
            }
        }
        return NONE;
    }

    /** Such as {@code github-actions}; null outside CI. */
    public String system() {
        return system;
    }

    /** Attribute key to string value, in a fixed order; empty outside CI. */
    public Map<String, String> attributes() {
        return attributes;
    }

    private static String normalised(String key, String raw) {
        switch (key) {
            case RUN_URL:
            case TASK_RUN_URL:
                return Urls.web(raw);
            case REPOSITORY_URL:
                return Urls.repository(raw);
            case REF_NAME:
                return refName(raw);
            case CHANGE_ID:
                return changeId(raw);
            case PROVIDER:
                return raw.toLowerCase(Locale.ROOT);
            default:
                return raw;
        }
    }

    /** A branch or tag as people name it: without {@code refs/heads/}, {@code refs/tags/} or {@code origin/}. */
    static String refName(String ref) {
        for (String prefix : new String[] {"refs/heads/", "refs/tags/", "origin/"}) {
            if (ref.startsWith(prefix)) {
                return ref.substring(prefix.length());
            }
        }
        return ref;
    }

    /**
     * A pull or merge request number: the value itself when it is one, else the number after
     * {@code pull/} or {@code merge_requests/} (as in {@code refs/pull/12/merge} or a pull request's URL);
     * null when there is none, as for Buildkite's {@code false}.
     */
    static String changeId(String value) {
        if (isNumber(value)) {
            return value;
        }
        for (String marker : new String[] {"pull/", "merge_requests/"}) {
            int at = value.lastIndexOf(marker);
            if (at >= 0) {
                int start = at + marker.length();
                int end = start;
                while (end < value.length() && isDigit(value.charAt(end))) {
                    end++;
                }
                if (end > start) {
                    return value.substring(start, end);
                }
            }
        }
        return null;
    }

    private static boolean isNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
