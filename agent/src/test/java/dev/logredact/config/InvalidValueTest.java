package dev.logredact.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.logredact.config.Configs.load;
import static dev.logredact.config.Configs.map;
import static dev.logredact.config.Configs.props;
import static dev.logredact.config.Configs.sys;
import static dev.logredact.config.Configs.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a value can be wrong: one error naming key, source and problem, and the key falls back. */
class InvalidValueTest {
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "enabled            | yes                         | not true or false",
        "summary            | 1                           | not true or false",
        "debug              | on                          | not true or false",
        "strict             | ture                        | not true or false",
        "secrets.min.length | abc                         | not a whole number",
        "secrets.min.length | 6.5                         | not a whole number",
        "secrets.min.length | 0                           | must be at least 1",
        "secrets.min.length | -3                          | must be at least 1",
        "secrets.min.length | 3000000000                  | must be at most 2147483647",
        "secrets.min.length | 99999999999999999999        | out of range",
        "idle.millis        | -1                          | must not be negative",
        "idle.millis        | 2s                          | not a whole number",
        "collector.drain.millis | -5                      | must not be negative",
        "collector.drain.millis | 5s                      | not a whole number",
        "github.add.mask    | yes                         | not true or false",
        "mask               | {rule}                      | the mask '{rule}' needs at least 3 characters of fixed text besides {rule} and {fp}",
        "mask               | [{fp}]                      | the mask '[{fp}]' needs at least 3 characters of fixed text besides {rule} and {fp}",
        "collector.endpoint | ftp://collector.example     | not an http or https URL",
        "collector.endpoint | collector.example:4318      | not an http or https URL",
        "collector.endpoint | http://                     | not a URL: Expected authority",
        "collector.endpoint | http://bad host/            | not a URL: Illegal character in authority",
        "collector.endpoint | http:///v1                  | has no valid host name",
        "collector.endpoint | http://my_collector:4318    | has no valid host name",
        "collector.endpoint | https://c.example/?x=1      | must not have a query or fragment: events go to {endpoint}/v1/logs",
        "collector.endpoint | https://c.example/#top      | must not have a query or fragment: events go to {endpoint}/v1/logs",
        "instrument         | stdout,logbak               | unknown item logbak (did you mean logback?)",
        "instrument         | STDOUT;JUL                  | unknown item STDOUT;JUL (did you mean stdout?)",
        "instrument         | none,jul                    | none cannot be combined with other items",
        "instrument         | stdout,all                  | all cannot be combined with other items",
        "instrument         | ',,'                        | names nothing: use none to instrument nothing",
        "on.error           | drop                        | not withhold or pass",
    })
    void anInvalidValueIsOneErrorAndTheKeyFallsBackToTheNextSource(String key, String value, String problem) {
        String envName = KeySpelling.ENVIRONMENT.spell(ConfigKey.byId(key));
        String shown = ConfigKey.byId(key).shown(value); // the value, but for a URL's query (SecretValuesTest)
        LoadedConfig fallback = ConfigLoader.load(null, props(), map());
        LoadedConfig loaded = load(null, props("logredact." + key, value), map());
        assertEquals("logredact." + key + "=" + shown + " (system property): " + problem, texts(loaded));
        assertTrue(loaded.hasErrors());
        assertEquals(fallback.config().describe(), loaded.config().describe(), "the default is used");
        // The same value lower down is reported in that source's spelling and falls back to the default.
        LoadedConfig fromEnv = load(null, props(), map(envName, value));
        assertEquals(envName + "=" + shown + " (environment): " + problem, texts(fromEnv));
    }

    @Test
    void aPathWithANulCharacterIsInvalid() {
        for (String key : List.of("spool.dir", "secrets.file", "config.file", "collector.headers.file")) {
            assertEquals("logredact." + key + "=a\u0000b (system property): not a valid path: Nul character not allowed",
                    texts(sys("logredact." + key, "a\u0000b")));
        }
    }

    @Test
    void anInvalidValueFallsBackToTheNextSourceNotStraightToTheDefault() {
        LoadedConfig loaded = load("secrets.min.length=abc", props("logredact.secrets.min.length", "0"),
                map("LOGREDACT_SECRETS_MIN_LENGTH", "12"));
        assertEquals(12, loaded.config().secretsMinLength());
        assertEquals("secrets.min.length=abc (agent argument): not a whole number\n"
                + "logredact.secrets.min.length=0 (system property): must be at least 1", texts(loaded));
        assertTrue(loaded.config().describe().contains("logredact: secrets.min.length = 12 (environment)"));
    }

    @Test
    void messagesAreLinesForStderr() {
        List<ConfigMessage> messages = sys("logredact.debug", "maybe", "logredact.dbug", "true").messages();
        assertEquals("logredact: warning: unknown key logredact.dbug (system property); did you mean logredact.debug?",
                messages.get(0).toString());
        assertEquals("logredact: error: logredact.debug=maybe (system property): not true or false", messages.get(1).toString());
    }
}
