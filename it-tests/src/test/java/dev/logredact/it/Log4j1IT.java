package dev.logredact.it;

import dev.logredact.it.apps.Log4j1App;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The agent on what Log4j 1.2.17 and reload4j appenders write, one JVM per version: the console, a
 * file, a rolling file (its own QuietWriter) and a daily rolling file.
 */
class Log4j1IT {
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5p %c [%X{session}] - %m%n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"log4j-1.2.17", "reload4j-1.2.26"})
    void everyAppenderIsMaskedOnce(String version) throws Exception {
        Path libraries = FrameworkLogs.libraries(version);
        List<Path> files = Arrays.asList(dir.resolve("app.log"), dir.resolve("rolling.log"), dir.resolve("daily.log"));
        Path config = dir.resolve("log4j.properties");
        Files.write(config, configuration(files).getBytes(StandardCharsets.ISO_8859_1));

        AgentJar.Run run = FrameworkLogs.run(Log4j1App.class, libraries, "-Dlog4j.configuration=" + config.toUri());

        List<String> events = FrameworkLogs.events(FrameworkLogs.pattern(Log4j1App.class));
        FrameworkLogs.assertText("console", run.out(), events);
        for (Path file : files) {
            FrameworkLogs.assertText(file.getFileName().toString(), FrameworkLogs.read(file), events);
        }
        // The console appender's text reaches System.out already masked: not counted on stdout.
        FrameworkLogs.assertCountedOnce(run, files, "log4j1", "stderr");
    }

    private static String configuration(List<Path> files) {
        StringBuilder sb = new StringBuilder("log4j.rootLogger=INFO, CONSOLE, FILE, ROLLING, DAILY\n")
                .append("log4j.appender.CONSOLE=org.apache.log4j.ConsoleAppender\n")
                .append("log4j.appender.FILE=org.apache.log4j.FileAppender\n")
                .append("log4j.appender.FILE.File=").append(files.get(0)).append('\n')
                .append("log4j.appender.ROLLING=org.apache.log4j.RollingFileAppender\n")
                .append("log4j.appender.ROLLING.File=").append(files.get(1)).append('\n')
                .append("log4j.appender.DAILY=org.apache.log4j.DailyRollingFileAppender\n")
                .append("log4j.appender.DAILY.File=").append(files.get(2)).append('\n');
        for (String appender : new String[] {"CONSOLE", "FILE", "ROLLING", "DAILY"}) {
            sb.append("log4j.appender.").append(appender).append(".layout=org.apache.log4j.PatternLayout\n")
                    .append("log4j.appender.").append(appender).append(".layout.ConversionPattern=").append(PATTERN).append('\n');
        }
        return sb.toString();
    }
}
