package dev.logredact.it.apps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a fake token the three ways an application leaks one through a logger, with whatever Logback
 * version and configuration (-Dlogback.configurationFile) the test puts on its command line.
 */
public final class LogbackApp {
    private LogbackApp() {
    }

    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger(LogbackApp.class);
        log.info("message token " + LeakyApp.PAT);
        log.warn("parameter token {}", LeakyApp.PAT);
        log.error("request failed", new IllegalStateException("bad credentials " + LeakyApp.PAT));
        log.info("done");
    }
}
