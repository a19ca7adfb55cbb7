package dev.logredact.it.apps;

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

    /** One framework's API, as the scenario uses it. */
    public interface Log {
        void info(String message);

        /** Logs {@code prefix} and one parameter, in the framework's own parameter syntax. */
        void warnWithParameter(String prefix, Object parameter);

        /** Logs with {@code session} under {@link #SESSION_KEY} in the MDC (ThreadContext), removed after. */
        void infoInSession(String session, String message);

        void error(String message, Throwable t);
    }

    private Scenario() {
    }

    public static void run(Log log) {
        log.info("message token " + PAT);
        log.warnWithParameter("parameter token", PAT);
        log.infoInSession(PAT, "in session");
        log.info("config {\"password\":\"" + PASSWORD + "\"}");
        log.info("deploy with " + System.getenv("DEPLOY_TOKEN"));
        IllegalStateException failure = new IllegalStateException("bad credentials " + PAT, new RuntimeException("cause " + PAT));
        failure.addSuppressed(new IllegalArgumentException("suppressed " + PAT));
        log.error("request failed", failure);
        failure.printStackTrace();
        log.info("done");
    }
}
