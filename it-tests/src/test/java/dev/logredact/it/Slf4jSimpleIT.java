package dev.logredact.it;

import dev.logredact.it.apps.Slf4jApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * The agent on slf4j-simple 2.0, which prints each event with {@code println} and its exception with
 * {@code printStackTrace} to System.err (the stderr layer masks it) or to a file it opens itself. It
 * shows no MDC.
 */
class Slf4jSimpleIT {
    private static final String VERSION = "slf4j-simple-2.0.17";

    @TempDir
    Path dir;

    @Test
    void theDefaultStderrOutputIsMaskedOnce() throws Exception {
        AgentJar.Run run = FrameworkLogs.run(Slf4jApp.class, FrameworkLogs.libraries(VERSION), options());
        FrameworkLogs.assertText("stderr", run.stderr, events());
        FrameworkLogs.assertCountedOnce(run, Collections.emptyList(), "stderr");
    }

    @Test
    void theLogFileIsMaskedOnce() throws Exception {
        Path file = dir.resolve("simple.log");
        String[] options = options();
        String[] withFile = java.util.Arrays.copyOf(options, options.length + 1);
        withFile[options.length] = "-Dorg.slf4j.simpleLogger.logFile=" + file;
        AgentJar.Run run = FrameworkLogs.run(Slf4jApp.class, FrameworkLogs.libraries(VERSION), withFile);
        FrameworkLogs.assertText("simple.log", FrameworkLogs.read(file), events());
        // stderr: the scenario's own printStackTrace.
        FrameworkLogs.assertCountedOnce(run, Collections.singletonList(file), "slf4j-simple", "stderr");
    }

    private static String[] options() {
        return new String[] {"-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS"};
    }

    /** slf4j-simple's line: {@code [thread] LEVEL logger - message}, no MDC. */
    private static List<String> events() {
        return FrameworkLogs.events((level, session, message) -> "[main] " + level + " " + Slf4jApp.class.getName() + " - " + message);
    }
}
