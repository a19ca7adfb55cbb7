package dev.logredact.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * {@link Slf4jApp}'s scenario for a Logback socket appender, which sends from a thread of its own: the
 * app exits once the test has received every event (it creates the file named in {@code args[0]}), or
 * after a minute.
 */
public final class SocketLogApp {
    private SocketLogApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        Slf4jApp.main(args);
        Path received = Paths.get(args[0]);
        for (int i = 0; i < 600 && !Files.exists(received); i++) {
            Thread.sleep(100);
        }
        // The appender's threads must not keep the JVM alive.
        System.exit(0);
    }
}
