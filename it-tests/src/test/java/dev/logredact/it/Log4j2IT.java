package dev.logredact.it;

import dev.logredact.it.apps.Log4j2App;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The agent on what real Log4j 2 appenders write, one JVM per version and encoding path: a console
 * appender with {@code direct="true"} (straight to the file descriptor), a file, a rolling file and a
 * JSON file with JsonTemplateLayout (the ECS template). With direct encoders (the default) the text
 * reaches the StringBuilder encoders; without, {@code AbstractStringLayout#getBytes} and
 * {@code JsonTemplateLayout#toSerializable}.
 */
class Log4j2IT {
    // %ex explicitly: the exception Log4j appends by default (%xEx) differs between versions.
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger [%X{session}] - %msg%n%ex";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"log4j-2.17.2,true", "log4j-2.17.2,false", "log4j-2.25.4,true", "log4j-2.25.4,false",
            "log4j-2.26.1,true", "log4j-2.26.1,false"})
    void everyAppenderIsMaskedOnce(String version, boolean directEncoders) throws Exception {
        Path libraries = FrameworkLogs.libraries(version);
        List<Path> texts = Arrays.asList(dir.resolve("app.log"), dir.resolve("rolling.log"));
        Path json = dir.resolve("json.log");
        Path config = dir.resolve("log4j2.xml");
        Files.write(config, configuration(texts, json).getBytes(StandardCharsets.UTF_8));

        AgentJar.Run run = FrameworkLogs.run(Log4j2App.class, libraries, "-Dlog4j.configurationFile=" + config,
                "-Dlog4j2.enableDirectEncoders=" + directEncoders);

        List<String> events = FrameworkLogs.events(FrameworkLogs.pattern(Log4j2App.class));
        FrameworkLogs.assertText("console", run.out(), events);
        for (Path file : texts) {
            FrameworkLogs.assertText(file.getFileName().toString(), FrameworkLogs.read(file), events);
        }
        FrameworkLogs.assertJson("json.log", FrameworkLogs.read(json));
        List<Path> files = new ArrayList<>(texts);
        files.add(json);
        // Not stdout: the direct console bypasses System.out, and is masked by the Log4j 2 hook alone.
        FrameworkLogs.assertCountedOnce(run, files, "log4j2", "stderr");
    }

    private static String configuration(List<Path> texts, Path json) {
        String layout = "<PatternLayout pattern=\"" + PATTERN + "\"/>";
        return "<Configuration status=\"WARN\">\n"
                + "  <Appenders>\n"
                + "    <Console name=\"CONSOLE\" target=\"SYSTEM_OUT\" direct=\"true\">" + layout + "</Console>\n"
                + "    <File name=\"FILE\" fileName=\"" + texts.get(0) + "\">" + layout + "</File>\n"
                + "    <RollingFile name=\"ROLLING\" fileName=\"" + texts.get(1) + "\" filePattern=\"" + texts.get(1) + ".%d{yyyy-MM-dd}\">\n"
                + "      " + layout + "\n"
                + "      <Policies><TimeBasedTriggeringPolicy/></Policies>\n"
                + "    </RollingFile>\n"
                + "    <File name=\"JSON\" fileName=\"" + json + "\"><JsonTemplateLayout/></File>\n"
                + "  </Appenders>\n"
                + "  <Loggers>\n"
                + "    <Root level=\"INFO\">\n"
                + "      <AppenderRef ref=\"CONSOLE\"/><AppenderRef ref=\"FILE\"/><AppenderRef ref=\"ROLLING\"/><AppenderRef ref=\"JSON\"/>\n"
                + "    </Root>\n"
                + "  </Loggers>\n"
                + "</Configuration>\n";
    }
}
