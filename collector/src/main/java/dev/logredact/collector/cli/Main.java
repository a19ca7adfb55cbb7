package dev.logredact.collector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * {@code java -jar logredact-collector.jar [serve] [options]} or {@code … report [options]}. Without a
 * verb it serves. Every failure is one line on stderr and exit code 2, never a stack trace.
 */
@Command(name = "logredact-collector", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Receives logredact's redaction events (OTLP/HTTP), keeps incidents, serves an API and reports.",
        subcommands = {ServeCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    static final int EXIT_ERROR = 2;
    private static final Set<String> TOP_LEVEL = Set.of("-h", "--help", "-V", "--version");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != ServeCommand.SERVING) {
            System.exit(code);
        }
    }

    /** Runs one command; returns its exit code, or {@link ServeCommand#SERVING} while a server runs on. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("logredact-collector: " + ex.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            return EXIT_ERROR;
        });
        cli.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            failed.getErr().println("logredact-collector: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            return EXIT_ERROR;
        });
        return cli.execute(withVerb(args));
    }

    /** {@code serve} is the default verb: options alone mean serving with them. */
    static String[] withVerb(String[] args) {
        if (args.length == 0 || args[0].startsWith("-") && !TOP_LEVEL.contains(args[0])) {
            String[] served = new String[args.length + 1];
            served[0] = "serve";
            System.arraycopy(args, 0, served, 1, args.length);
            return served;
        }
        return Arrays.copyOf(args, args.length);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest; {@code dev} when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"logredact-collector " + (v == null ? "dev" : v)};
        }
    }
}
