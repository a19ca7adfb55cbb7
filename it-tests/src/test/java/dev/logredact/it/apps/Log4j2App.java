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
        Scenario.run(log::info, (prefix, parameter) -> log.warn(prefix + " {}", parameter), ThreadContext::put,
                ThreadContext::remove, log::error);
        LogManager.shutdown();
    }
}
