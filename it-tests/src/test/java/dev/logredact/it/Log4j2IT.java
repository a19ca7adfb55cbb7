package dev.logredact.it;

import dev.logredact.it.apps.Log4j2App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The agent on what real Log4j 2 appenders write, to the console and to files. */
class Log4j2IT {
    // %ex explicitly: the exception Log4j appends by default (%xEx) differs between versions.
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger - %msg%n%ex";

    @TempDir
    Path dir;

    @Test
    void log4j225DirectEncodersAreMasked() throws Exception {
        check(System.getProperty("logredact.it.log4j225"), true);
    }

    /** Without direct encoders each event goes through AbstractStringLayout#getBytes instead. */
    @Test
    void log4j225LayoutBytesAreMasked() throws Exception {
        check(System.getProperty("logredact.it.log4j225"), false);
    }

    @Test
    void log4j217DirectEncodersAreMasked() throws Exception {
        check(System.getProperty("logredact.it.log4j217"), true);
    }

    @Test
    void log4j217LayoutBytesAreMasked() throws Exception {
        check(System.getProperty("logredact.it.log4j217"), false);
    }

    /**
     * stdout is left out of the agent's hooks, and the console appender writes to the file descriptor
     * directly, so a masked console shows the Log4j 2 hook at work and not a stream wrapper; each
     * secret is then counted once, on the log4j2 channel.
     */
    /**
     * stdout is left out of the agent's hooks, and the console appender writes to the file descriptor
     * directly, so a masked console shows the Log4j 2 hook at work and not a stream wrapper; each
     * secret is then counted once, on the log4j2 channel.
     */
    private void check(String libraries, boolean directEncoders) throws Exception {
        Path file = dir.resolve("app.log");
        Path rolling = dir.resolve("rolling.log");
        Path config = dir.resolve("log4j2.xml");
        Files.write(config, configuration(file, rolling).getBytes(StandardCharsets.UTF_8));
        AgentJar.Run run = FrameworkLogs.run(Log4j2App.class, libraries, "instrument=stderr,log4j2",
                "-Dlog4j.configurationFile=" + config, "-Dlog4j2.enableDirectEncoders=" + directEncoders);
        FrameworkLogs.assertMaskedOnce(run, Log4j2App.class, "log4j2", file, rolling);
    }

    private static String configuration(Path file, Path rolling) {
        String layout = "<PatternLayout pattern=\"" + PATTERN + "\"/>";
        return "<Configuration status=\"WARN\">\n"
                + "  <Appenders>\n"
                + "    <Console name=\"CONSOLE\" target=\"SYSTEM_OUT\" direct=\"true\">" + layout + "</Console>\n"
                + "    <File name=\"FILE\" fileName=\"" + file + "\">" + layout + "</File>\n"
                + "    <RollingFile name=\"ROLLING\" fileName=\"" + rolling + "\" filePattern=\"" + rolling + ".%d{yyyy-MM-dd}\">\n"
                + "      " + layout + "\n"
                + "      <Policies><TimeBasedTriggeringPolicy/></Policies>\n"
                + "    </RollingFile>\n"
                + "  </Appenders>\n"
                + "  <Loggers>\n"
                + "    <Root level=\"INFO\">\n"
                + "      <AppenderRef ref=\"CONSOLE\"/><AppenderRef ref=\"FILE\"/><AppenderRef ref=\"ROLLING\"/>\n"
                + "    </Root>\n"
                + "  </Loggers>\n"
                + "</Configuration>\n";
    }
}
