package dev.logredact.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar logredact-agent.jar VERB}: the agent jar's command line. Every failure is one line
 * on stderr naming what went wrong, and a non-zero exit; never a stack trace.
 */
@Command(name = "logredact", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Masks secrets in build output and finds them in files.")
public final class Main implements Runnable {
    /** Exit code for bad usage, unreadable input or a broken rule set. */
    static final int EXIT_ERROR = 2;

    /**
     * picocli's documented switch to skip built-in converters: it otherwise loads java.sql and java.time
     * classes at start-up to convert option types that no command here has.
     */
    private static final String CONVERTERS_EXCLUDED = "picocli.converters.excludes";
    private static final String UNUSED_CONVERTERS = "java\\.sql\\..*,java\\.time\\..*";

    /** The verbs, in the order the usage lists them. */
    private static final Class<?>[] VERBS = {RedactCommand.class, ScanCommand.class, RulesCommand.class,
        VersionCommand.class, CommandLine.HelpCommand.class};

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs one command with the given streams; returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (System.getProperty(CONVERTERS_EXCLUDED) == null) {
            System.setProperty(CONVERTERS_EXCLUDED, UNUSED_CONVERTERS);
        }
        RulePrefetch.start(args);
        Streams streams = new Streams(in, out, err);
        CommandLine cli = new CommandLine(new Main(), new StreamsFactory(streams));
        addVerbs(cli, args.length > 0 ? args[0] : null);
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("logredact: " + ex.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            return EXIT_ERROR;
        });
        cli.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            failed.getErr().println("logredact: " + (ex instanceof CliException || ex.getMessage() != null
                    ? ex.getMessage() : ex.toString()));
            return EXIT_ERROR;
        });
        return cli.execute(args);
    }

    /**
     * Builds only the verb that is run, or every verb when the first argument names none (usage, an
     * unknown verb's suggestions): picocli reflects over each command it is given, which costs a
     * short run such as {@code redact} on a small log about a third of its time.
     */
    private static void addVerbs(CommandLine cli, String first) {
        Class<?> only = null;
        for (Class<?> verb : VERBS) {
            if (verb.getAnnotation(Command.class).name().equals(first) && verb != CommandLine.HelpCommand.class) {
                only = verb;
            }
        }
        for (Class<?> verb : VERBS) {
            if (only == null || verb == only) {
                cli.addSubcommand(verb);
            }
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Creates commands with the streams to use, so tests run them in-process. */
    private static final class StreamsFactory implements CommandLine.IFactory {
        private final Streams streams;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        StreamsFactory(Streams streams) {
            this.streams = streams;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            K created = fallback.create(type);
            if (created instanceof UsesStreams) {
                ((UsesStreams) created).streams(streams);
            }
            return created;
        }
    }
}
