package dev.logredact.attach;

import dev.logredact.api.Logredact;
import dev.logredact.cli.Version;
import dev.logredact.config.AgentConfig;
import dev.logredact.config.ConfigLoader;
import dev.logredact.config.ConfigMessage;
import dev.logredact.config.Hook;
import dev.logredact.config.LoadedConfig;
import dev.logredact.config.OnError;
import dev.logredact.export.DeliveryTotals;
import dev.logredact.export.EventExport;
import dev.logredact.export.Reporter;
import dev.logredact.export.SpoolingExporter;
import dev.logredact.stdio.AddMaskCommands;
import dev.logredact.stdio.FileDescriptorHooks;
import dev.logredact.stdio.SystemStreamHooks;
import dev.logredact.stdio.SystemStreams;
import dev.logredact.stream.MaskingOutputStream;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

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

    /**
     * At exit, events held by the reporter go to the spool even when the drain is set to 0: that is what
     * lets a later JVM ship them.
     */
    private static final long FLUSH_FLOOR_MILLIS = 1000;

    private AgentRuntime() {
    }

    static void start(String arguments, Instrumentation instrumentation) {
        PrintStream err = SystemStreams.agentMessages(System.err);
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
            PatchLog.debugTo(err);
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
        Engine.Settings settings = settings(config);
        boolean fork = SurefireFork.isThisJvm();
        // The exporter and the reporter exist before the engine they report for: set in its settings
        // before anything can start its build.
        EngineScrub scrub = new EngineScrub();
        EventExport export = config.collectorLogsUrl() == null ? null : export(config, scrub, err);
        if (export != null) {
            settings.reporter = Reporter.start(export, Version.current(), System.getenv(), scrub, err);
            if (config.fingerprintKey() == null) {
                err.println("logredact: warning: logredact.fingerprint.key is not set: fingerprints will not correlate "
                        + "across JVMs; set logredact.fingerprint.key from a CI secret");
            }
        }
        if (AddMaskCommands.wanted(config.githubAddMask(), System.getenv(), fork)) {
            AddMaskCommands commands = AddMaskCommands.toStandardOutput();
            settings.ruleFindings = (ruleId, value) -> commands.found(value);
        }
        // The application writes at once: what it writes waits in the backlog for the engine, not the
        // application, and the first write starts the engine's build.
        LazyEngine engine = new LazyEngine(settings, err, BACKLOG_LIMIT);
        scrub.engine = engine;
        Logredact.bind(new EngineRegistry(engine));

        SystemStreams streams = new SystemStreams(new EngineMasking(engine, null), engine.backlog(),
                config.idleMillis(), config.onError() == OnError.WITHHOLD);
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
        patches.addFrameworks(instrumentation, new FrameworkPatches(config.instrument(), engine, streams));
        patches.apply(instrumentation, err);
        Runtime.getRuntime().addShutdownHook(new Thread(new ExitHook(streams, engine, config.summary(), err,
                settings.reporter, export, config.collectorDrainMillis()), "logredact-exit"));
    }

    /** At exit: everything held is written out, then the summary of what was masked. */
    private static final class ExitHook implements Runnable {
        private final SystemStreams streams;
        private final LazyEngine engine;
        private final boolean summary;
        private final PrintStream err;
        /** Null when events are not reported. */
        private final Reporter reporter;
        private final EventExport export;
        private final long drainMillis;

        ExitHook(SystemStreams streams, LazyEngine engine, boolean summary, PrintStream err, Reporter reporter,
                 EventExport export, long drainMillis) {
            this.streams = streams;
            this.engine = engine;
            this.summary = summary;
            this.err = err;
            this.reporter = reporter;
            this.export = export;
            this.drainMillis = drainMillis;
        }

        @Override
        public void run() {
            // What the threads queued goes to the backlog first, where a JVM that exits before its
            // engine is built may write it without waiting for it, if nothing in it can be masked.
            streams.drainQueued();
            boolean released = false;
            try {
                released = engine.releaseWithoutEngine();
            } catch (RuntimeException | LinkageError e) {
                // Only the shortcut is lost: the drain below writes, through the engine, what is still held.
            }
            // Writes from here on (other shutdown hooks) wait for the engine rather than being held,
            // since nothing would write out what is held once this hook is done.
            engine.backlog().stopHolding();
            streams.drainAll();
            ExitSummary.Events events = reporter == null ? null : drainEvents(reporter, export, drainMillis);
            Engine e = engine.builtOrNull();
            if (summary && e != null) {
                ExitSummary.print(err, e.counts(), e.refused(), MaskingOutputStream.errors(), events);
            } else if (summary && released) {
                // What a built engine would have said: nothing masked, nothing refused, but the events' fate.
                ExitSummary.print(err, new RedactionCounts(), 0, MaskingOutputStream.errors(), events);
            }
        }
    }

    /**
     * The engine's masking of the exporter's messages and of the texts that go into events (thread
     * names, resource values), neither counted nor reported. Made before the engine, which is given the
     * reporter that uses it; a message printed before the engine is set is withheld, as when masking
     * fails.
     */
    private static final class EngineScrub implements UnaryOperator<String> {
        volatile LazyEngine engine;

        @Override
        public String apply(String text) {
            LazyEngine e = engine;
            if (e == null) {
                throw new IllegalStateException("the masking engine is not set up yet");
            }
            return e.await().scrub(text);
        }
    }

    /**
     * The delivery half of reporting: spool, OTLP/HTTP, retries and dead letters. What it prints may quote
     * a collector's message, which may echo data, so it passes the engine's masking first. Null when it
     * cannot start.
     */
    private static EventExport export(AgentConfig config, UnaryOperator<String> scrub, PrintStream err) {
        try {
            return SpoolingExporter.start(config.collectorLogsUrl(), config.collectorHeaders(), config.spoolDir(),
                    scrub, err);
        } catch (RuntimeException e) {
            // Reporting is worth less than masking: it must never take masking down with it.
            err.println("logredact: warning: events will not be reported: " + e.getMessage() + "; masking goes on");
            return null;
        }
    }

    /**
     * After the streams are drained: the reporter hands what it holds to the export, which then ships what
     * it can, both within {@code drainMillis} in all. A JVM that reported nothing does not wait for the
     * collector: what others left in the spool is shipped by a JVM that has its own events to send.
     */
    static ExitSummary.Events drainEvents(Reporter reporter, EventExport export, long drainMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainMillis);
        reporter.flush(Math.max(drainMillis, FLUSH_FLOOR_MILLIS));
        long left = reporter.reported() == 0 ? 0 : Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        DeliveryTotals totals = export.drain(left);
        return new ExitSummary.Events(totals, reporter.dropped());
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
        FileDescriptorHooks.install(out ? streams.standardStream("stdout") : null,
                errToo ? streams.standardStream("stderr") : null);
        patches.add(instrumentation, FileOutputStream.class, new FileDescriptorWritePatch(FileDescriptorHooks.class, out, errToo),
                "writes to FileDescriptor.out/err that bypass System.out are not masked");
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
