package dev.logredact.attach;

import dev.logredact.api.Logredact;
import dev.logredact.config.AgentConfig;
import dev.logredact.config.ConfigLoader;
import dev.logredact.config.ConfigMessage;
import dev.logredact.config.Hook;
import dev.logredact.config.LoadedConfig;
import dev.logredact.config.OnError;
import dev.logredact.jul.JulHooks;
import dev.logredact.log4j2.Log4j2Hooks;
import dev.logredact.logback.LogbackHooks;
import dev.logredact.stdio.FileDescriptorHooks;
import dev.logredact.stdio.SystemStreamHooks;
import dev.logredact.stdio.SystemStreams;
import dev.logredact.stream.MaskingOutputStream;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.Collections;

/**
 * Everything the agent sets up in a JVM: configuration, the engine (built on its own thread once
 * something needs it, see {@link LazyEngine}), masked standard streams, and the exit summary.
 */
final class AgentRuntime {
    /**
     * What the application may write before the engine is built; then it waits. Far more than a program
     * prints in the tens of milliseconds the engine takes, and small beside any heap.
     */
    private static final int BACKLOG_LIMIT = 1 << 20;

    private AgentRuntime() {
    }

    static void start(String arguments, Instrumentation instrumentation) {
        PrintStream err = System.err;
        LoadedConfig loaded = ConfigLoader.load(arguments, System.getProperties(), System.getenv());
        AgentConfig config = loaded.config();
        for (ConfigMessage message : loaded.messages()) {
            err.println(message);
        }
        if (config.strict() && loaded.hasErrors()) {
            // An agent that throws from premain stops the JVM: what strict asks for.
            throw new IllegalStateException("logredact: refusing to start: the configuration has errors (logredact.strict=true)");
        }
        if (config.debug()) {
            err.println(config.describe());
        }
        if (!config.enabled()) {
            return;
        }
        try {
            install(arguments, config, instrumentation, err);
        } catch (Throwable t) {
            // The application must still run; say loudly that its output is not masked.
            err.println("logredact: error: could not install masking, output is NOT masked: " + t);
        }
    }

    private static void install(String arguments, AgentConfig config, Instrumentation instrumentation, PrintStream err) {
        // The application writes at once: what it writes waits in the backlog for the engine, not the
        // application, and the first write starts the engine's build.
        LazyEngine engine = new LazyEngine(settings(config), err, BACKLOG_LIMIT);
        Logredact.bind(new EngineRegistry(engine));

        SystemStreams streams = new SystemStreams(new EngineMasking(engine, null), engine.backlog(),
                config.idleMillis(), config.onError() == OnError.WITHHOLD);
        boolean fork = SurefireFork.isThisJvm();
        boolean stdout = config.instrument().contains(Hook.STDOUT);
        boolean stderr = config.instrument().contains(Hook.STDERR);
        SystemStreamHooks.install(streams, fork ? System.out : null, stdout, stderr);
        JdkPatches patches = new JdkPatches();
        patchSetters(patches, instrumentation);
        if (config.instrument().contains(Hook.FORKS)) {
            patchProcessStart(patches, instrumentation, arguments, config, err);
        }
        // Gated with stdout: in a fork, the reports are what Maven makes of the events on the fork's stdout.
        if (fork && stdout) {
            try {
                SurefireFork.maskEvents(instrumentation, new EngineMasking(engine, "surefire-events"));
            } catch (Throwable t) {
                err.println("logredact: warning: Surefire's event encoder could not be patched (" + t
                        + "): test reports may show secret system properties and failure messages");
            }
        }
        if (stdout && !fork) {
            System.setOut(streams.wrapStandard(System.out, FileDescriptor.out, "stdout"));
        }
        if (stderr) {
            System.setErr(streams.wrapStandard(System.err, FileDescriptor.err, "stderr"));
        }
        patchDescriptorWrites(patches, instrumentation, streams, stdout && !fork, stderr);
        if (config.instrument().contains(Hook.LOGBACK)) {
            patchLogback(patches, instrumentation, engine);
        }
        if (config.instrument().contains(Hook.LOG4J2)) {
            patchLog4j2(patches, instrumentation, engine);
        }
        if (config.instrument().contains(Hook.JUL)) {
            patchJul(patches, instrumentation, engine);
        }
        patches.apply(instrumentation, err);
        Runtime.getRuntime().addShutdownHook(new Thread(new ExitHook(streams, engine, config.summary(), err), "logredact-exit"));
    }

    /** At exit: everything held is written out, then the summary of what was masked. */
    private static final class ExitHook implements Runnable {
        private final SystemStreams streams;
        private final LazyEngine engine;
        private final boolean summary;
        private final PrintStream err;

        ExitHook(SystemStreams streams, LazyEngine engine, boolean summary, PrintStream err) {
            this.streams = streams;
            this.engine = engine;
            this.summary = summary;
            this.err = err;
        }

        @Override
        public void run() {
            // Writes from here on (other shutdown hooks) wait for the engine rather than being held,
            // since nothing would write out what is held once this hook is done.
            engine.backlog().stopHolding();
            streams.drainAll();
            Engine e = engine.builtOrNull();
            if (summary && e != null) {
                ExitSummary.print(err, e.counts(), e.refused(), MaskingOutputStream.errors());
            }
        }
    }

    /** Patches {@code System.setOut/setErr} so streams installed later are masked too. */
    private static void patchSetters(JdkPatches patches, Instrumentation instrumentation) {
        String printStream = "(Ljava/io/PrintStream;)V";
        patches.add(instrumentation, System.class, new EntryHookPatch(System.class, SystemStreamHooks.class, Arrays.asList(
                new EntryHookPatch.Target("setOut", printStream, "setOut", true),
                new EntryHookPatch.Target("setErr", printStream, "setErr", true))),
                "streams set later with System.setOut/setErr are not masked");
    }

    /**
     * Writes to standard output or error through a {@code FileOutputStream} of the application's own go
     * through the same masking streams as {@code System.out} and {@code System.err}.
     */
    private static void patchDescriptorWrites(JdkPatches patches, Instrumentation instrumentation, SystemStreams streams,
                                              boolean out, boolean errToo) {
        if (!(out || errToo)) {
            return;
        }
        FileDescriptorHooks.install(out ? streams.standardMasking("stdout") : null,
                errToo ? streams.standardMasking("stderr") : null);
        patches.add(instrumentation, FileOutputStream.class, new FileDescriptorWritePatch(FileDescriptorHooks.class, out, errToo),
                "writes to FileDescriptor.out/err that bypass System.out are not masked");
    }

    /**
     * Logback's appenders write to files that no stream wrapper sees. Before the engine is built a log
     * event waits for it (boundedly, like the streams), and is withheld if it never comes.
     */
    private static void patchLogback(JdkPatches patches, Instrumentation instrumentation, LazyEngine engine) {
        LogbackHooks.install(new EngineMasking(engine, "logback"));
        patches.addLibraryByName(instrumentation, LogbackAppenderPatch.APPENDER,
                new LogbackAppenderPatch(LogbackHooks.class.getName()),
                "what Logback's appenders write (console, files) is masked only where it reaches System.out/err");
    }

    /**
     * Log4j 2's appenders write to files, and its console appender with {@code direct="true"} to the
     * file descriptor, where no stream wrapper sees them; its encoders and layouts are patched instead.
     */
    private static void patchLog4j2(JdkPatches patches, Instrumentation instrumentation, LazyEngine engine) {
        Log4j2Hooks.install(new EngineMasking(engine, "log4j2"));
        String hooks = Log4j2Hooks.class.getName();
        String loss = "what Log4j 2's appenders write (console, files) is masked only where it reaches System.out/err";
        for (String encoder : new String[] {Log4j2Patch.STRING_BUILDER_ENCODER, Log4j2Patch.LOCKING_STRING_BUILDER_ENCODER}) {
            patches.addLibraryByName(instrumentation, encoder, Log4j2Patch.encoder(encoder, hooks), loss);
        }
        patches.addLibraryByName(instrumentation, Log4j2Patch.ABSTRACT_STRING_LAYOUT, Log4j2Patch.layout(hooks), loss);
    }

    /**
     * What JUL's handlers write is the text its formatters return; SimpleFormatter and XMLFormatter are
     * patched, not LogManager or the handlers, because those are configured by the application.
     */
    private static void patchJul(JdkPatches patches, Instrumentation instrumentation, LazyEngine engine) {
        JulHooks.install(new EngineMasking(engine, "jul"));
        String format = "(Ljava/util/logging/LogRecord;)Ljava/lang/String;";
        String[][] formatters = {{"java/util/logging/SimpleFormatter", "false"}, {"java/util/logging/XMLFormatter", "true"}};
        for (String[] f : formatters) {
            // By name: most JVMs never load them, and a class loaded later is patched as it loads.
            patches.addByName(instrumentation, f[0], new ReturnValuePatch(f[0], JulHooks.class.getName(),
                    Collections.singletonList(new ReturnValuePatch.Target("format", format, "format",
                            JulHooks.fallback(Boolean.parseBoolean(f[1]))))),
                    "java.util.logging records formatted by " + f[0].substring(f[0].lastIndexOf('/') + 1) + " are not masked");
        }
    }

    /** Child processes get the agent too (logredact.instrument: forks). */
    private static void patchProcessStart(JdkPatches patches, Instrumentation instrumentation, String arguments,
                                          AgentConfig config, PrintStream err) {
        ForkHooks.install(arguments, err);
        // Named, not ProcessBuilder.class: a JVM that starts no process never loads it, and then it is
        // patched when loaded instead of retransformed now, which would cost start-up time.
        patches.addByName(instrumentation, "java/lang/ProcessBuilder", new EntryHookPatch("java/lang/ProcessBuilder",
                ForkHooks.class.getName(),
                Arrays.asList(new EntryHookPatch.Target("start", "()Ljava/lang/Process;", "starting", false))),
                "child JVMs get the agent only through JAVA_TOOL_OPTIONS");
        if (config.debug()) {
            try {
                err.println("logredact: child processes get " + ForkHooks.jarPath());
            } catch (Exception e) {
                err.println("logredact: the agent jar's path is unknown: " + e);
            }
        }
    }

    static Engine.Settings settings(AgentConfig config) {
        Engine.Settings s = new Engine.Settings();
        s.rules = config.rules();
        s.mask = config.mask();
        s.fingerprintKey = config.fingerprintKey();
        s.secretsEnv = config.secretsEnv();
        s.secretsFile = config.secretsFile();
        s.minLength = config.secretsMinLength();
        return s;
    }
}
