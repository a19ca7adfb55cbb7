package dev.logredact.collector.cli;

import dev.logredact.collector.incident.OwnerRules;
import dev.logredact.collector.server.CollectorServer;
import dev.logredact.collector.server.ServerSettings;
import dev.logredact.collector.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code serve}: runs the receiver, the API and the page until the JVM is told to stop. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Receive events and serve the API (the default).")
final class ServeCommand implements Callable<Integer> {
    /** Returned while the server runs on in its own threads: the JVM must not exit. */
    static final int SERVING = -1;
    static final String TOKEN_VARIABLE = "LOGREDACT_COLLECTOR_TOKEN";
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "4318", description = "port to listen on, 0 for any (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--token", paramLabel = "T", defaultValue = "${env:" + TOKEN_VARIABLE + "}",
            description = "bearer token required by /v1/logs and /api (default: $" + TOKEN_VARIABLE + ", else none)")
    String token;

    @Option(names = "--owners", paramLabel = "FILE", description = "owners registry (TOML, see the collector's README)")
    Path owners;

    @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "8388608",
            description = "largest request body, on the wire and decompressed; larger is answered 413 (default: ${DEFAULT-VALUE})")
    int maxBodyBytes;

    @Option(names = "--max-concurrent-ingest", paramLabel = "N", defaultValue = "64",
            description = "requests to /v1/logs handled at once; more are answered 429 (default: ${DEFAULT-VALUE})")
    int maxConcurrentIngest;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be from 0 to 65535");
        }
        if (maxBodyBytes < 1024 || maxConcurrentIngest < 1) {
            throw new IllegalArgumentException("--max-body-bytes must be 1024 or more and --max-concurrent-ingest 1 or more");
        }
        OwnerRules rules = owners == null ? OwnerRules.NONE : OwnerRules.load(owners);
        Database db = store.open(false);
        CollectorServer server;
        try {
            server = CollectorServer.start(new ServerSettings(host, port, token, maxBodyBytes, maxConcurrentIngest),
                    db, rules, Clock.systemUTC());
        } catch (RuntimeException e) {
            db.close();
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            db.close();
        }, "logredact-collector-stop"));
        PrintWriter err = spec.commandLine().getErr();
        err.println("logredact-collector: listening on http://" + hostForUrl() + ":" + server.port()
                + " (store: " + db.description() + "; owners: " + rules + "; token: "
                + (token == null || token.isEmpty() ? "none" : "required") + ")");
        if ((token == null || token.isEmpty()) && !LOOPBACK.contains(host)) {
            err.println("logredact-collector: warning: no --token, and " + host
                    + " is not a loopback address: anyone who reaches it can read incidents and send events");
        }
        return SERVING;
    }

    private String hostForUrl() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
