package dev.logredact.it.apps;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Logs a fake token the three ways an application leaks one through a logger, with whatever Log4j 2
 * version and configuration (-Dlog4j.configurationFile) the test puts on its command line.
 */
public final class Log4j2App {
    private Log4j2App() {
    }

    public static void main(String[] args) {
        Logger log = LogManager.getLogger(Log4j2App.class);
        log.info("message token " + LeakyApp.PAT);
        log.warn("parameter token {}", LeakyApp.PAT);
        log.error("request failed", new IllegalStateException("bad credentials " + LeakyApp.PAT));
        log.info("done");
        LogManager.shutdown();
    }
}
