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
        Scenario.run(log::info, (prefix, parameter) -> log.warn(prefix + " {}", parameter), MDC::put, MDC::remove, log::error);
    }
}
