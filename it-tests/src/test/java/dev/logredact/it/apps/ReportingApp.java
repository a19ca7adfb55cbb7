package dev.logredact.it.apps;

/**
 * Leaks through Logback ({@link Slf4jApp}: the {@link Scenario}, with whatever appenders the test configures), then through
 * the standard streams ({@link LeakyApp}, one scenario per argument): what a build's JVM does that the
 * reporting tests follow from masking to the collector.
 */
public final class ReportingApp {
    private ReportingApp() {
    }

    public static void main(String[] args) throws Exception {
        Slf4jApp.main(new String[0]);
        LeakyApp.main(args);
    }
}
