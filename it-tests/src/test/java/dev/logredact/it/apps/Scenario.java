package dev.logredact.it.apps;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What every logging-framework app logs, in this order, through its framework's own API: a secret in a
 * message, in a parameter, in the MDC, inside quoted JSON text (found by a rule), a known secret whose
 * characters JSON escapes, and an exception whose message, cause and suppressed exception each carry
 * one; then the same exception through {@code printStackTrace}, and a last clean event.
 */
public final class Scenario {
    public static final String PAT = LeakyApp.PAT;
    /** Found by the generic-password rule, also where JSON escapes its quotes. */
    public static final String PASSWORD = "Hunter2-" + "Secret-Value";
    /**
     * Known by value only, from the environment variable of the same name: JSON writes it escaped
     * ({@code \"}, and with some encoders {@code \/} and {@code \u003d}).
     */
    public static final String DEPLOY_TOKEN = "dt-4f9K2mQ8/xZ7\"pL3w=R6vB1nC5";
    public static final String SESSION_KEY = "session";

    private Scenario() {
    }

    /**
     * Runs the scenario through one framework's API.
     *
     * @param warnWithParameter logs a prefix and one parameter, in the framework's own parameter syntax
     * @param putMdc puts a value in the MDC (ThreadContext) under a key; {@code removeMdc} takes it out
     */
    public static void run(Consumer<String> info, BiConsumer<String, Object> warnWithParameter,
                           BiConsumer<String, String> putMdc, Consumer<String> removeMdc, BiConsumer<String, Throwable> error) {
        info.accept("message token " + PAT);
        warnWithParameter.accept("parameter token", PAT);
        putMdc.accept(SESSION_KEY, PAT);
        try {
            info.accept("in session");
        } finally {
            removeMdc.accept(SESSION_KEY);
        }
        info.accept("config {\"password\":\"" + PASSWORD + "\"}");
        info.accept("deploy with " + System.getenv("DEPLOY_TOKEN"));
        IllegalStateException failure = new IllegalStateException("bad credentials " + PAT, new RuntimeException("cause " + PAT));
        failure.addSuppressed(new IllegalArgumentException("suppressed " + PAT));
        error.accept("request failed", failure);
        failure.printStackTrace();
        info.accept("done");
    }
}
