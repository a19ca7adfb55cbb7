package dev.logredact.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the built, shaded agent jar in a new JVM of the same Java as the tests. */
final class AgentJar {
    private AgentJar() {
    }

    static Path path() {
        Path jar = Paths.get(System.getProperty("logredact.agent.jar", "../agent/target/logredact-agent.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the build with 'verify', which packages it first");
        }
        return jar;
    }

    static Path java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java");
    }

    /** The result of one run: exit code and both outputs as bytes. */
    static final class Run {
        final int exitCode;
        final byte[] stdout;
        final String stderr;

        Run(int exitCode, byte[] stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    static Run cli(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        command.add("-jar");
        command.add(path().toString());
        for (String a : args) {
            command.add(a);
        }
        return run(command, null, stdin);
    }

    /** Runs a command with extra environment variables and no input. */
    static Run run(List<String> command, java.util.Map<String, String> environment) throws IOException, InterruptedException {
        return run(command, environment, new byte[0]);
    }

    private static Run run(List<String> command, java.util.Map<String, String> environment, byte[] stdin)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        // The agent reads these; a developer's own settings, or the CI job running the tests (its
        // GITHUB_STEP_SUMMARY, its CI context, its OpenTelemetry exporter), must not change what the tests see.
        builder.environment().keySet().removeIf(k -> k.startsWith("LOGREDACT_") || k.equals("JAVA_TOOL_OPTIONS")
                || k.startsWith("GITHUB_") || k.startsWith("OTEL_"));
        if (environment != null) {
            builder.environment().putAll(environment);
        }
        Process p = builder.start();
        // A thread per pipe: a pool shared with other work could leave one pipe unread, and a child that
        // fills it blocks until the timeout.
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()), AgentJar::startReader);
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()), AgentJar::startReader);
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
        }
        return new Run(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
    }

    private static void startReader(Runnable task) {
        Thread reader = new Thread(task, "agent-jar-pipe");
        reader.setDaemon(true);
        reader.start();
    }

    private static byte[] readAll(InputStream in) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[65536];
            for (int n; (n = in.read(chunk)) > 0; ) {
                buffer.write(chunk, 0, n);
            }
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
