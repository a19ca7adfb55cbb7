package dev.logredact.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.LoggerFactory;

/**
 * A logging-heavy program for run-logging.sh: threads that each print many log-like lines to standard
 * output at once, as a parallel test run or a busy service does in CI. Most lines are plain; one in 50
 * holds "token count" (a rule keyword, so the agent runs a rule's regex over it); a few hold a fake
 * secret, either the value of {@code LOGSTORM_TOKEN} (a known secret for the agent, by its name) or a
 * {@code ghp_} token that only a rule finds.
 *
 * <pre>
 *   LogStorm [--threads 4] [--lines 100000] [--via stdout|logback]
 * </pre>
 *
 * {@code stdout} prints with {@code System.out.println}; {@code logback} logs through Logback's
 * {@link ConsoleAppender} (pattern layout, immediate flush: its defaults), configured here rather than by
 * a logback.xml so that nothing else in benchmarks.jar picks it up.
 *
 * <p>Runs from {@code target/classes} and {@code target/logstorm-lib}, without the engine's classes on
 * the class path (they would shadow the agent jar's), so it uses nothing else from this module.
 */
public final class LogStorm {
    /** Printed when the environment gives no LOGSTORM_TOKEN; fake. */
    static final String FALLBACK_SECRET = "lst_9fQ2vX7mR4kT8wZ1bN6cJ3hD5sA0pE";
    static final int TOKEN_COUNT_EVERY = 50;
    static final int SECRET_EVERY = 25_000;

    private LogStorm() {
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.parseInt(option(args, "--threads", "4"));
        int lines = Integer.parseInt(option(args, "--lines", "100000"));
        String via = option(args, "--via", "stdout");
        String env = System.getenv("LOGSTORM_TOKEN");
        String known = env == null || env.isEmpty() ? FALLBACK_SECRET : env;
        String ghp = ghpToken(new Random(7));

        Sink sink;
        if (via.equals("stdout")) {
            sink = (thread, level, logger, message) -> System.out.println(
                    "12:00:00.000 [worker-" + thread + "] " + level + " " + logger + " - " + message);
        } else if (via.equals("logback")) {
            sink = logback();
        } else {
            throw new IllegalArgumentException("--via stdout|logback, not " + via);
        }

        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> run(sink, id, lines, known, ghp), "worker-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
    }

    private static void run(Sink sink, int thread, int lines, String known, String ghp) {
        for (int n = 0; n < lines; n++) {
            if (n % SECRET_EVERY == 123) {
                sink.log(thread, "INFO ", "dev.example.deploy.Publisher", "publishing with token " + known + " to registry");
            } else if (n % SECRET_EVERY == 12_345) {
                sink.log(thread, "DEBUG", "dev.example.scm.Fetcher",
                        "fetching https://x-access-token:" + ghp + "@github.com/example/app.git");
            } else if (n % TOKEN_COUNT_EVERY == 7) {
                sink.log(thread, "DEBUG", "dev.example.llm.Tokenizer", "token count " + (n * 3 % 4096) + " for chunk " + n);
            } else {
                sink.log(thread, "INFO ", "dev.example.ingest.BatchWriter",
                        "wrote batch " + n + " (" + (n % 512) + " records, " + (n % 512) * 128 + " bytes) in " + (n % 40) + " ms");
            }
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static String ghpToken(Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("ghp_");
        for (int i = 0; i < 36; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    interface Sink {
        void log(int thread, String level, String logger, String message);
    }

    private static Sink logback() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.DEBUG);
        root.addAppender(console);
        return (thread, level, logger, message) -> {
            org.slf4j.Logger log = LoggerFactory.getLogger(logger);
            if (level.startsWith("DEBUG")) {
                log.debug(message);
            } else {
                log.info(message);
            }
        };
    }
}
