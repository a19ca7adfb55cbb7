package dev.logredact.it.apps;

import org.apache.log4j.LogManager;
import org.apache.log4j.Logger;
import org.apache.log4j.MDC;

/**
 * The {@link Scenario} through the Log4j 1 API, on log4j 1.2.17 or reload4j, with the configuration the
 * test names (-Dlog4j.configuration). Log4j 1 has no parameters: the app formats the message itself.
 */
public final class Log4j1App {
    private Log4j1App() {
    }

    public static void main(String[] args) {
        logScenario();
        LogManager.shutdown();
    }

    static void logScenario() {
        Logger log = Logger.getLogger(Log4j1App.class);
        Scenario.run(log::info, (prefix, parameter) -> log.warn(prefix + " " + parameter), MDC::put, MDC::remove, log::error);
    }
}
