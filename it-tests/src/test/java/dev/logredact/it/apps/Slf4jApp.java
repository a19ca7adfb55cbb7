package dev.logredact.it.apps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@link Scenario} through SLF4J, with whichever provider (Logback, slf4j-simple) and configuration
 * the test puts on its command line.
 */
public final class Slf4jApp {
    private Slf4jApp() {
    }

    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger(Slf4jApp.class);
        Scenario.run(new Scenario.Log() {
            @Override
            public void info(String message) {
                log.info(message);
            }

            @Override
            public void warnWithParameter(String prefix, Object parameter) {
                log.warn(prefix + " {}", parameter);
            }

            @Override
            public void infoInSession(String session, String message) {
                MDC.put(Scenario.SESSION_KEY, session);
                try {
                    log.info(message);
                } finally {
                    MDC.remove(Scenario.SESSION_KEY);
                }
            }

            @Override
            public void error(String message, Throwable t) {
                log.error(message, t);
            }
        });
    }
}
