package dev.logredact.api;

import dev.logredact.secrets.KnownSecret;
import dev.logredact.secrets.SecretRegistry;

import java.util.concurrent.Future;

/**
 * For build code that obtains a secret while it runs (from a vault, a token exchange): registered
 * values are masked from then on, in every form, including output this JVM still holds back.
 *
 * <p>The agent jar is on the system class path, which a build's own class loaders may not see, so call
 * it by reflection when you do not compile against it:
 *
 * <pre>
 * ClassLoader.getSystemClassLoader().loadClass("dev.logredact.api.Logredact")
 *         .getMethod("registerSecret", String.class, String.class).invoke(null, "VAULT_TOKEN", token);
 * </pre>
 */
public final class Logredact {
    private static volatile Future<SecretRegistry> registry;

    private Logredact() {
    }

    /** Called by the agent once it starts building its engine. */
    public static void bind(Future<SecretRegistry> engineRegistry) {
        registry = engineRegistry;
    }

    /**
     * Registers a secret value under a name (shown in masks as {@code api:NAME}). Returns null when it is
     * masked from now on, or why it is not (the agent is not attached, or the value is refused as too
     * short or too common). The reason never contains the value.
     */
    public static String registerSecret(String name, String value) {
        Future<SecretRegistry> r = registry;
        if (r == null) {
            return "the logredact agent is not running in this JVM";
        }
        if (value == null || value.trim().isEmpty()) {
            return "empty";
        }
        try {
            return r.get().register(KnownSecret.of(KnownSecret.Source.API, name, value));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while the agent was starting";
        } catch (Exception e) {
            return "the agent's engine failed to start";
        }
    }
}
