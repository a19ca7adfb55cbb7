package dev.logredact.it.apps;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;

/** The {@link Scenario} through the Log4j 2 API, with the configuration the test names (-Dlog4j.configurationFile). */
public final class Log4j2App {
    private Log4j2App() {
    }

    public static void main(String[] args) {
        Logger log = LogManager.getLogger(Log4j2App.class);
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
                ThreadContext.put(Scenario.SESSION_KEY, session);
                try {
                    log.info(message);
                } finally {
                    ThreadContext.remove(Scenario.SESSION_KEY);
                }
            }

            @Override
            public void error(String message, Throwable t) {
                log.error(message, t);
            }
        });
        LogManager.shutdown();
    }
}
