package dev.logredact.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Runs the app named in {@code args[1]} (its scenario for a socket appender), then exits once the test
 * has received every event (it creates the file named in {@code args[0]}), or after a minute: an
 * appender may send from a thread of its own, or wait for its client to connect.
 */
public final class SocketLogApp {
    private SocketLogApp() {
    }

    public static void main(String[] args) throws Exception {
        Class.forName(args[1]).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        Path received = Paths.get(args[0]);
        for (int i = 0; i < 600 && !Files.exists(received); i++) {
            Thread.sleep(100);
        }
        // The appender's threads must not keep the JVM alive.
        System.exit(0);
    }
}
