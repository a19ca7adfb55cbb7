package dev.logredact.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.logredact.config.Configs.TMP;
import static dev.logredact.config.Configs.args;
import static dev.logredact.config.Configs.env;
import static dev.logredact.config.Configs.load;
import static dev.logredact.config.Configs.map;
import static dev.logredact.config.Configs.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Defaults, typed values and {@code describe()}. */
class AgentConfigTest {
    @Test
    void defaults() {
        LoadedConfig loaded = load(null, props(), map());
        AgentConfig c = loaded.config();
        assertEquals(List.of(), loaded.messages());
        assertFalse(loaded.hasErrors());
        assertTrue(c.enabled());
        assertEquals("[REDACTED:{rule}]", c.mask());
        assertEquals("default", c.rules());
        assertNull(c.secretsEnv());
        assertNull(c.secretsFile());
        assertEquals(6, c.secretsMinLength());
        assertNull(c.collectorEndpoint());
        assertEquals(Map.of(), c.collectorHeaders());
        assertNull(c.collectorHeadersFile());
        assertEquals(5000, c.collectorDrainMillis());
        assertEquals(Paths.get(TMP, "logredact-spool"), c.spoolDir());
        assertNull(c.fingerprintKey());
        assertTrue(c.summary());
        assertFalse(c.githubAddMask());
        assertEquals(EnumSet.allOf(Hook.class), c.instrument());
        assertEquals(OnError.WITHHOLD, c.onError());
        assertFalse(c.debug());
        assertFalse(c.strict());
        assertEquals(200, c.idleMillis());
        assertNull(c.configFile());
    }

    @Test
    void describeShowsEveryKeyOnceWithValueAndSource() {
        String describe = load("secrets.env=*_TOKEN,none", props(), map("LOGREDACT_INSTRUMENT", "jul,stdout")).config()
                .describe();
        assertEquals(String.join("\n",
                "logredact: enabled = true (default)",
                "logredact: mask = [REDACTED:{rule}] (default)",
                "logredact: rules = default (default)",
                "logredact: secrets.env = *_TOKEN,none (agent argument)",
                "logredact: secrets.file = <unset> (default)",
                "logredact: secrets.min.length = 6 (default)",
                "logredact: collector.endpoint = <unset> (default)",
                "logredact: collector.headers = <unset> (default)",
                "logredact: collector.headers.file = <unset> (default)",
                "logredact: collector.drain.millis = 5000 (default)",
                "logredact: collector.otel.env = false (default)",
                "logredact: spool.dir = " + Paths.get(TMP, "logredact-spool") + " (default)",
                "logredact: fingerprint.key = <unset> (default)",
                "logredact: summary = true (default)",
                "logredact: github.add.mask = false (default)",
                "logredact: instrument = stdout,jul (environment)",
                "logredact: on.error = withhold (default)",
                "logredact: debug = false (default)",
                "logredact: strict = false (default)",
                "logredact: idle.millis = 200 (default)",
                "logredact: config.file = <unset> (default)"), describe);
        assertTrue(env().config().describe().contains("logredact: secrets.env = <built-in globs> (default)"));
        assertTrue(env("LOGREDACT_INSTRUMENT", "none").config().describe().contains("logredact: instrument = none (environment)"));
    }

    @Test
    void instrumentTakesAllNoneOrAListInAnyCase() {
        assertEquals(EnumSet.allOf(Hook.class), args("instrument=ALL").config().instrument());
        assertEquals(Set.of(), args("instrument=none").config().instrument());
        assertEquals(EnumSet.of(Hook.LOG4J2, Hook.FORKS, Hook.STDERR),
                args("instrument= Log4j2 , forks,stderr,").config().instrument());
        Set<Hook> hooks = args("instrument=jul").config().instrument();
        assertThrows(UnsupportedOperationException.class, () -> hooks.add(Hook.STDOUT));
        assertThrows(UnsupportedOperationException.class, () -> env().config().instrument().clear());
    }

    @Test
    void typedValuesInAnyCaseWhereCaseCannotMatter() {
        AgentConfig c = args("enabled=FALSE;strict=True;on.error=PASS;idle.millis=0;secrets.min.length=+12;"
                + "collector.endpoint=HTTPS://collector.example:4318/base;collector.drain.millis=0;github.add.mask=TRUE").config();
        assertFalse(c.enabled());
        assertTrue(c.strict());
        assertEquals(OnError.PASS, c.onError());
        assertEquals(0, c.idleMillis());
        assertEquals(0, c.collectorDrainMillis());
        assertTrue(c.githubAddMask());
        assertEquals(12, c.secretsMinLength());
        assertEquals("collector.example", c.collectorEndpoint().getHost());
        assertEquals(4318, c.collectorEndpoint().getPort());
    }

    @Test
    void withoutJavaIoTmpdirTheSpoolIsUnderThisJvmsTmpdir() {
        AgentConfig c = ConfigLoader.load(null, new java.util.Properties(), map()).config();
        assertEquals(Paths.get(System.getProperty("java.io.tmpdir"), "logredact-spool"), c.spoolDir());
    }
}
