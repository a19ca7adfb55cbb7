package dev.logredact.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static dev.logredact.config.Configs.args;
import static dev.logredact.config.Configs.env;
import static dev.logredact.config.Configs.load;
import static dev.logredact.config.Configs.map;
import static dev.logredact.config.Configs.props;
import static dev.logredact.config.Configs.sys;
import static dev.logredact.config.Configs.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sources, their precedence and how each spells keys. */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void agentArgumentsBeatSystemPropertiesBeatEnvironmentBeatTheFileBeatDefaults() throws IOException {
        Path f = file("lr.properties", "logredact.mask=[F:{rule}]\nlogredact.rules=none\nlogredact.secrets.min.length=7\n"
                + "logredact.idle.millis=11\n");
        LoadedConfig loaded = load("mask=[A:{rule}]",
                props("logredact.mask", "[S:{rule}]", "logredact.rules", "s.toml", "logredact.config.file", f.toString()),
                map("LOGREDACT_MASK", "[E:{rule}]", "LOGREDACT_RULES", "e.toml", "LOGREDACT_SECRETS_MIN_LENGTH", "8"));
        AgentConfig c = loaded.config();
        assertEquals(List.of(), loaded.messages());
        assertEquals("[A:{rule}]", c.mask());
        assertEquals("s.toml", c.rules());
        assertEquals(8, c.secretsMinLength());
        assertEquals(11, c.idleMillis());
        assertEquals(false, c.debug());
        assertTrue(c.describe().contains("logredact: mask = [A:{rule}] (agent argument)"));
        assertTrue(c.describe().contains("logredact: rules = s.toml (system property)"));
        assertTrue(c.describe().contains("logredact: secrets.min.length = 8 (environment)"));
        assertTrue(c.describe().contains("logredact: idle.millis = 11 (config file " + f + ")"));
        assertTrue(c.describe().contains("logredact: debug = false (default)"));
        assertTrue(c.describe().contains("logredact: config.file = " + f + " (system property)"));
    }

    @Test
    void environmentNamesAreUpperCaseWithUnderscoresForDots() {
        AgentConfig c = env("LOGREDACT_SECRETS_MIN_LENGTH", "9", "LOGREDACT_ON_ERROR", "pass",
                "LOGREDACT_COLLECTOR_ENDPOINT", "https://collector.example:4318", "LOGREDACT_ENABLED", "false",
                "LOGREDACT_SPOOL_DIR", "/var/spool/lr").config();
        assertEquals(9, c.secretsMinLength());
        assertEquals(OnError.PASS, c.onError());
        assertEquals("https://collector.example:4318", c.collectorEndpoint().toString());
        assertFalse(c.enabled());
        assertEquals(Paths.get("/var/spool/lr"), c.spoolDir());
    }

    @Test
    void everyKeyHasOneSpellingPerSource() {
        for (ConfigKey key : ConfigKey.values()) {
            for (KeySpelling spelling : KeySpelling.values()) {
                assertEquals(key, spelling.recognise(spelling.spell(key)), spelling + " " + key);
            }
        }
        assertEquals("LOGREDACT_COLLECTOR_HEADERS_FILE", KeySpelling.ENVIRONMENT.spell(ConfigKey.COLLECTOR_HEADERS_FILE));
        assertEquals("logredact.on.error", KeySpelling.PROPERTY.spell(ConfigKey.ON_ERROR));
        assertEquals("idle.millis", KeySpelling.AGENT_ARGUMENT.spell(ConfigKey.IDLE_MILLIS));
    }

    @Test
    void agentArgumentValuesMayHoldEqualsSignsAndCommas() {
        LoadedConfig loaded = args(" rules = default,/ci/extra.toml ;collector.headers=Authorization=Bearer a=b,"
                + "X-Tenant=t1;instrument=stdout,jul;;mask=<{rule}=hidden>;");
        AgentConfig c = loaded.config();
        assertEquals("collector.headers (agent argument) is on the command line, which other processes, JVM banners"
                + " and test reports show; set LOGREDACT_COLLECTOR_HEADERS instead", texts(loaded));
        assertEquals("default,/ci/extra.toml", c.rules());
        assertEquals(map("Authorization", "Bearer a=b", "X-Tenant", "t1"), c.collectorHeaders());
        assertEquals(java.util.EnumSet.of(Hook.STDOUT, Hook.JUL), c.instrument());
        assertEquals("<{rule}=hidden>", c.mask());
    }

    @Test
    void anAgentArgumentWithoutEqualsSignIsAnErrorThatDoesNotQuoteIt() {
        LoadedConfig loaded = args("debug=true;ghp_notakey;=x");
        assertTrue(loaded.config().debug());
        assertEquals("agent argument 2 is not key=value\nagent argument 3 is not key=value", texts(loaded));
        assertTrue(loaded.hasErrors());
    }

    @Test
    void aBlankValueCountsAsUnsetAndLetsALowerSourceThrough() {
        LoadedConfig loaded = load("mask= ", props("logredact.fingerprint.key", ""),
                map("LOGREDACT_FINGERPRINT_KEY", "k-from-env", "LOGREDACT_MASK", "[E]"));
        assertEquals("[E]", loaded.config().mask());
        assertEquals("k-from-env", loaded.config().fingerprintKey());
        assertEquals(List.of(), loaded.messages());
    }

    @Test
    void valuesAreTrimmed() {
        AgentConfig c = sys("logredact.debug", " true ", "logredact.secrets.file", " /s/secrets.txt\t").config();
        assertTrue(c.debug());
        assertEquals(Paths.get("/s/secrets.txt"), c.secretsFile());
    }

    @Test
    void otherPropertiesAndVariablesAreNotOurs() {
        LoadedConfig loaded = load(null, props("logredactor.x", "1", "java.home", "/j"),
                map("LOGREDACTX", "1", "PATH", "/bin", "logredact_mask", "x"));
        assertEquals(List.of(), loaded.messages());
    }

    @Test
    void unknownKeysAreWarnedAboutWithTheClosestKnownKeySpelledForTheirSource() throws IOException {
        Path f = file("c.properties", "logredact.sumary=false\nmask=[F]\n");
        LoadedConfig loaded = load("secret.min.length=3;logredact.debug=true;Debug=true",
                props("logredact.on_error", "pass", "logredact.config.file", f.toString()),
                map("LOGREDACT_FINGERPRINT_KY", "s3cr3t-value", "LOGREDACT_INSTRUMENTS", "jul"));
        assertEquals(String.join("\n",
                "unknown key secret.min.length (agent argument); did you mean secrets.min.length?",
                "unknown key logredact.debug (agent argument); did you mean debug?",
                "unknown key Debug (agent argument); did you mean debug?",
                "unknown key logredact.on_error (system property); did you mean logredact.on.error?",
                "unknown key LOGREDACT_FINGERPRINT_KY (environment); did you mean LOGREDACT_FINGERPRINT_KEY?",
                "unknown key LOGREDACT_INSTRUMENTS (environment); did you mean LOGREDACT_INSTRUMENT?",
                "unknown key logredact.sumary (config file " + f + "); did you mean logredact.summary?",
                "unknown key mask (config file " + f + "); did you mean logredact.mask?"),
                texts(loaded));
        assertTrue(loaded.messages().stream().allMatch(m -> m.severity() == ConfigMessage.Severity.WARNING));
        assertFalse(loaded.hasErrors());
        assertFalse(loaded.config().debug());
        assertTrue(loaded.config().summary());
    }

    @Test
    void theConfigFileIsNamedByAnyOfTheFirstThreeSources() throws IOException {
        Path a = file("a.properties", "logredact.mask=[A]\n");
        Path b = file("b.properties", "logredact.mask=[B]\n");
        assertEquals("[A]", args("config.file=" + a).config().mask());
        assertEquals("[A]", sys("logredact.config.file", a.toString()).config().mask());
        assertEquals("[A]", env("LOGREDACT_CONFIG_FILE", a.toString()).config().mask());
        assertEquals("[B]", load("config.file=" + b, props("logredact.config.file", a.toString()), map()).config().mask());
    }

    @Test
    void theConfigFileIsUtf8AndMayNotNameAnother() throws IOException {
        Path other = file("other.properties", "logredact.debug=true\n");
        Path f = file("c.properties", "# comment\nlogredact.mask=\u00ab{rule}\u00bb\u2026\nlogredact.config.file=" + other + "\n");
        LoadedConfig loaded = args("config.file=" + f);
        assertEquals("\u00ab{rule}\u00bb\u2026", loaded.config().mask());
        assertFalse(loaded.config().debug());
        assertEquals("logredact.config.file (config file " + f + ") is ignored: a config file cannot name another",
                texts(loaded));
    }

    @Test
    void aMissingConfigFileIsAnErrorNamingItsPathAndTheNextSourceNamesTheFile() throws IOException {
        Path present = file("present.properties", "logredact.summary=false\n");
        Path missing = dir.resolve("missing.properties");
        LoadedConfig loaded = load(null, props("logredact.config.file", missing.toString()),
                map("LOGREDACT_CONFIG_FILE", present.toString()));
        assertEquals("logredact.config.file=" + missing + " (system property): cannot read: no such file", texts(loaded));
        assertTrue(loaded.hasErrors());
        assertFalse(loaded.config().summary());
        assertEquals(present, loaded.config().configFile());
    }

    @Test
    void anUnreadableConfigFileIsAnErrorAndDefaultsApply() throws IOException {
        Path latin1 = dir.resolve("latin1.properties");
        Files.write(latin1, "logredact.mask=[\u00e9]\n".getBytes(StandardCharsets.ISO_8859_1));
        Path badEscape = file("escape.properties", "logredact.mask=\\u00zz\n");
        assertEquals("config.file=" + latin1 + " (agent argument): not UTF-8 text", texts(args("config.file=" + latin1)));
        assertEquals("config.file=" + dir + " (agent argument): cannot read: Is a directory", texts(args("config.file=" + dir)));
        LoadedConfig loaded = args("config.file=" + badEscape);
        assertEquals("config.file=" + badEscape + " (agent argument): not a properties file: Malformed \\uxxxx encoding.",
                texts(loaded));
        assertNull(loaded.config().configFile());
        assertEquals("[REDACTED:{rule}]", loaded.config().mask());
    }

    @Test
    void aByteOrderMarkDoesNotStartTheFirstKey() throws IOException {
        Path f = file("bom.properties", "\uFEFFlogredact.debug=true\n");
        LoadedConfig loaded = args("config.file=" + f);
        assertEquals(List.of(), loaded.messages());
        assertTrue(loaded.config().debug());
    }
}
