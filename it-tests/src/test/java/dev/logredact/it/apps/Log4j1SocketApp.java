package dev.logredact.it.apps;

import org.apache.log4j.Logger;
import org.apache.log4j.NDC;

/**
 * For Log4j 1's socket appenders, which send the NDC as well: one event in an NDC that carries a
 * secret, then the {@link Scenario}. Log4j is left running, so that a socket hub appender still holds
 * its events for the client that connects after.
 */
public final class Log4j1SocketApp {
    private Log4j1SocketApp() {
    }

    public static void main(String[] args) {
        NDC.push("job " + Scenario.PAT);
        try {
            Logger.getLogger(Log4j1SocketApp.class).info("in job");
        } finally {
            NDC.remove();
        }
        Log4j1App.logScenario();
    }
}
