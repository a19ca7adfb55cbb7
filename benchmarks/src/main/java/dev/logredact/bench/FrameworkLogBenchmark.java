package dev.logredact.bench;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.status.Status;
import org.apache.logging.log4j.LogManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one log call costs through a file appender of Logback 1.5 and Log4j 2.25: (a) plain, (b) with the
 * agent ({@code -javaagent:agent/target/logredact-agent.jar}, so run from the repository root), and
 * (c) with the framework's own regex masking of an equivalent rule set: Logback's
 * {@code %replace(%msg)} and Log4j 2's PatternLayout {@code <replace>} with {@link #RULES} of the
 * default rules' regexes joined into one alternation. Each op logs one ordinary line with three
 * parameters and no secret, the common case.
 *
 * <p>Both appenders buffer and do not flush per event, so the figures are the formatting and masking
 * work, not write system calls. Each state logs one line with a fake token first, and checks at the end
 * that the file shows it masked exactly where a variant masks (so a variant that silently did not mask
 * fails the run). Runs from {@code benchmarks/target/classes} plus {@code target/frameworks-lib}, not
 * benchmarks.jar, whose copy of the engine would shadow the agent jar's ({@code run-frameworks.sh}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrameworkLogBenchmark {
    /** How many default rules the {@code %replace} variants join. */
    static final int RULES = 40;
    static final String AGENT = "-javaagent:agent/target/logredact-agent.jar";
    static final String RULES_FILE = "redactor/src/main/resources/dev/logredact/rules/default.toml";
    static final String LEAK = "token ghp_" + "Kx7Qm2Wn9Lp4Rt6Vy8Bz1Cd3Fg5Hj7Mk9Np2Q";
    static final String LAYOUT = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger - ";

    /**
     * The first {@link #RULES} default rules whose regex java.util.regex compiles (github-pat first, so the
     * check at the end has a rule that masks), as one alternation of non-capturing groups.
     */
    static String joinedRules() throws IOException {
        List<String> regexes = new ArrayList<>();
        Pattern entry = Pattern.compile("^regex = '''(.*)'''$");
        String pat = null;
        String id = null;
        for (String line : Files.readAllLines(Paths.get(RULES_FILE), StandardCharsets.UTF_8)) {
            if (line.startsWith("id = ")) {
                id = line;
            }
            Matcher m = entry.matcher(line);
            if (!m.matches()) {
                continue;
            }
            try {
                Pattern.compile(m.group(1));
            } catch (RuntimeException e) {
                continue;
            }
            if ("id = \"github-pat\"".equals(id)) {
                pat = m.group(1);
            } else if (regexes.size() < RULES - 1) {
                regexes.add(m.group(1));
            }
        }
        if (pat == null) {
            throw new IllegalStateException("no github-pat rule in " + RULES_FILE);
        }
        regexes.add(0, pat);
        StringBuilder joined = new StringBuilder();
        for (String r : regexes) {
            joined.append(joined.length() == 0 ? "" : "|").append("(?:").append(r).append(')');
        }
        return joined.toString();
    }

    /** A file appender's log, and whether the variant masks what it writes. */
    abstract static class FileLog {
        Path dir;
        Path file;

        void setUp(String name) throws IOException {
            dir = Files.createTempDirectory("logredact-bench");
            file = dir.resolve(name + ".log");
        }

        /** The leak line, the first, shows masked exactly when the variant masks. A run writes gigabytes: only the head is read. */
        void check(boolean masks) throws IOException {
            byte[] head = new byte[64 * 1024];
            int n;
            try (java.io.InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
            String log = new String(head, 0, n, StandardCharsets.UTF_8);
            if (log.contains("ghp_Kx7Q") == masks || !log.contains("Fetched 42 artifacts")) {
                throw new IllegalStateException(file + (masks ? " is not masked" : " is masked or empty") + ":\n"
                        + log.substring(0, Math.min(log.length(), 600)));
            }
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }

        static boolean agentAttached() {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .anyMatch(a -> a.startsWith("-javaagent:"));
        }
    }

    @State(Scope.Benchmark)
    public abstract static class Logback extends FileLog {
        org.slf4j.Logger log;

        abstract String message() throws IOException;

        /** Configured in code, not with Joran, whose variable substitution would take {@code ${} out of a regex. */
        @Setup(Level.Trial)
        public void setUp() throws Exception {
            setUp("logback");
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.reset();
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern(LAYOUT + message() + "%n");
            encoder.start();
            FileAppender<ILoggingEvent> appender = new FileAppender<>();
            appender.setContext(context);
            appender.setFile(file.toString());
            appender.setImmediateFlush(false);
            appender.setEncoder(encoder);
            appender.start();
            for (Status status : context.getStatusManager().getCopyOfStatusList()) {
                if (status.getLevel() > Status.INFO) {
                    throw new IllegalStateException("Logback: " + status);
                }
            }
            ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.setLevel(ch.qos.logback.classic.Level.INFO);
            root.addAppender(appender);
            log = context.getLogger("dev.example.billing.InvoiceService");
            log.info(LEAK);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
            check(masks());
        }

        abstract boolean masks();
    }

    public static class LogbackPlain extends Logback {
        @Override
        String message() {
            return "%msg";
        }

        @Override
        boolean masks() {
            return agentAttached();
        }
    }

    public static class LogbackReplace extends Logback {
        /** Logback's option parser ends a quoted option at the quote, so a quote in a regex is written \x27. */
        @Override
        String message() throws IOException {
            return "%replace(%msg){'" + joinedRules().replace("'", "\\x27") + "', '[REDACTED]'}";
        }

        @Override
        boolean masks() {
            return true;
        }
    }

    @State(Scope.Benchmark)
    public abstract static class Log4j2 extends FileLog {
        org.apache.logging.log4j.Logger log;

        /** The PatternLayout's children: none, or a {@code <replace>}. */
        abstract String replace() throws IOException;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            setUp("log4j2");
            String config = "<Configuration status=\"WARN\">\n"
                    + "  <Appenders>\n"
                    + "    <File name=\"FILE\" fileName=\"" + file + "\" immediateFlush=\"false\" bufferedIO=\"true\">\n"
                    + "      <PatternLayout pattern=\"" + xml(LAYOUT + "%msg%n") + "\">" + replace() + "</PatternLayout>\n"
                    + "    </File>\n"
                    + "  </Appenders>\n"
                    + "  <Loggers><Root level=\"INFO\"><AppenderRef ref=\"FILE\"/></Root></Loggers>\n"
                    + "</Configuration>\n";
            Path xml = dir.resolve("log4j2.xml");
            Files.write(xml, config.getBytes(StandardCharsets.UTF_8));
            System.setProperty("log4j.configurationFile", xml.toString());
            log = LogManager.getLogger("dev.example.billing.InvoiceService");
            log.info(LEAK);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            LogManager.shutdown();
            check(masks());
        }

        abstract boolean masks();
    }

    public static class Log4j2Plain extends Log4j2 {
        @Override
        String replace() {
            return "";
        }

        @Override
        boolean masks() {
            return agentAttached();
        }
    }

    public static class Log4j2Replace extends Log4j2 {
        @Override
        String replace() throws IOException {
            return "<replace regex=\"" + xml(joinedRules()) + "\" replacement=\"[REDACTED]\"/>";
        }

        @Override
        boolean masks() {
            return true;
        }
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Benchmark
    @Fork(1)
    public void logbackPlain(LogbackPlain s) {
        s.log.info("Fetched {} artifacts for {} in {} ms", 42, "com.example:billing-service", 117);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AGENT)
    public void logbackAgent(LogbackPlain s) {
        s.log.info("Fetched {} artifacts for {} in {} ms", 42, "com.example:billing-service", 117);
    }

    @Benchmark
    @Fork(1)
    public void logbackReplace(LogbackReplace s) {
        s.log.info("Fetched {} artifacts for {} in {} ms", 42, "com.example:billing-service", 117);
    }

    @Benchmark
    @Fork(1)
    public void log4j2Plain(Log4j2Plain s) {
        s.log.info("Fetched {} artifacts for {} in {} ms", 42, "com.example:billing-service", 117);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AGENT)
    public void log4j2Agent(Log4j2Plain s) {
        s.log.info("Fetched {} artifacts for {} in {} ms", 42, "com.example:billing-service", 117);
    }

    @Benchmark
    @Fork(1)
    public void log4j2Replace(Log4j2Replace s) {
        s.log.info("Fetched {} artifacts for {} in {} ms", 42, "com.example:billing-service", 117);
    }
}
