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
import dev.logredact.stream.WriteBacklog;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Everything the agent sets up in a JVM: configuration, the engine (built on its own thread, so the
 * application starts while rules compile), masked standard streams, and the exit summary.
 */
final class AgentRuntime {
    /**
     * What the application may write before the engine is built; then it waits. Far more than a program
     * prints in the tens of milliseconds the engine takes, and small beside any heap.
     */
    private static final int BACKLOG_LIMIT = 1 << 20;

    private static final long ENGINE_WAIT_SECONDS = 60;

    /**
     * At exit, events held by the reporter go to the spool even when the drain is set to 0: that is what
     * lets a later JVM ship them.
     */
    private static final long FLUSH_FLOOR_MILLIS = 1000;

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
        FutureTask<Engine> engine = new FutureTask<>(() -> Engine.build(settings, System.getenv(), err));
        boolean fork = SurefireFork.isThisJvm();
        // Set before the engine's thread starts, which makes them visible to it.
        EventExport export = config.collectorEndpoint() == null ? null : export(config, engine, err);
        if (export != null) {
            settings.reporter = Reporter.start(export, Version.current(), System.getenv(), text -> await(engine).scrub(text), err);
            if (config.fingerprintKey() == null) {
                err.println("logredact: warning: logredact.fingerprint.key is not set: fingerprints will not correlate "
                        + "across JVMs; set logredact.fingerprint.key from a CI secret");
            }
        }
        if (AddMaskCommands.wanted(config.githubAddMask(), System.getenv(), fork)) {
            AddMaskCommands commands = AddMaskCommands.toStandardOutput();
            settings.ruleFindings = (ruleId, value) -> commands.found(value);
        }
        // The application writes at once: what it writes waits here for the engine, not the application.
        WriteBacklog backlog = new WriteBacklog(BACKLOG_LIMIT);
        Thread builder = new Thread(() -> {
            engine.run();
            backlog.replay();
        }, "logredact-engine");
        builder.setDaemon(true);
        builder.start();
        Logredact.bind(new EngineRegistry(engine));

        SystemStreams streams = new SystemStreams((target, charset, channel) -> await(engine).masker(target, charset, channel),
                backlog, config.idleMillis(), config.onError() == OnError.WITHHOLD);
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
                SurefireFork.maskEvents(instrumentation, text -> await(engine).maskText(text, "surefire-events"));
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
        Reporter reporter = settings.reporter;
        Thread exit = new Thread(() -> {
            streams.drainAll();
            ExitSummary.Events events = reporter == null ? null : drainEvents(reporter, export, config.collectorDrainMillis());
            if (config.summary() && engine.isDone()) {
                Engine e = await(engine);
                ExitSummary.print(err, e.counts(), e.refused(), MaskingOutputStream.errors(), events);
            }
        }, "logredact-exit");
        Runtime.getRuntime().addShutdownHook(exit);
    }

    /**
     * The delivery half of reporting: spool, OTLP/HTTP, retries and dead letters. What it prints may quote
     * a collector's message, which may echo data, so it passes the engine's masking first. Null when it
     * cannot start.
     */
    private static EventExport export(AgentConfig config, FutureTask<Engine> engine, PrintStream err) {
        try {
            return SpoolingExporter.start(config.collectorEndpoint(), config.collectorHeaders(), config.spoolDir(),
                    text -> await(engine).scrub(text), err);
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
        FileDescriptorHooks.install(out ? streams.standardMasking("stdout") : null,
                errToo ? streams.standardMasking("stderr") : null);
        patches.add(instrumentation, FileOutputStream.class, new FileDescriptorWritePatch(FileDescriptorHooks.class, out, errToo),
                "writes to FileDescriptor.out/err that bypass System.out are not masked");
    }

    /** Child processes get the agent too (logredact.instrument: forks). */
    private static void patchProcessStart(JdkPatches patches, Instrumentation instrumentation, String arguments,
                                          AgentConfig config, PrintStream err) {
        String jar;
        try {
            jar = new File(LogredactAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (Exception e) {
            err.println("logredact: warning: the agent jar's path is unknown, child JVMs do not get the agent: " + e);
            return;
        }
        if (!ForkHooks.usable(jar)) {
            err.println("logredact: warning: the agent jar's path has a space; child JVMs get the agent only through JAVA_TOOL_OPTIONS");
            return;
        }
        ForkHooks.install(jar, arguments);
        // Named, not ProcessBuilder.class: a JVM that starts no process never loads it, and then it is
        // patched when loaded instead of retransformed now, which would cost start-up time.
        patches.addByName(instrumentation, "java/lang/ProcessBuilder", new EntryHookPatch("java/lang/ProcessBuilder",
                ForkHooks.class.getName(),
                Arrays.asList(new EntryHookPatch.Target("start", "()Ljava/lang/Process;", "starting", false))),
                "child JVMs get the agent only through JAVA_TOOL_OPTIONS");
        if (config.debug()) {
            err.println("logredact: child processes get " + jar);
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

    /**
     * The engine, waiting at most {@link #ENGINE_WAIT_SECONDS}: an engine that hangs (a secrets file on a
     * stalled mount, say) must not hang the build, so the caller then withholds what it holds.
     */
    static Engine await(FutureTask<Engine> engine) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ENGINE_WAIT_SECONDS);
        try {
            while (true) {
                try {
                    return engine.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the masking engine failed to start", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the masking engine did not start within " + ENGINE_WAIT_SECONDS + " s");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
