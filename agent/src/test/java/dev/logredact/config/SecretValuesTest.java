package dev.logredact.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.logredact.config.Configs.load;
import static dev.logredact.config.Configs.map;
import static dev.logredact.config.Configs.props;
import static dev.logredact.config.Configs.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No message and no {@code describe()} line ever shows a secret, valid or not, known key or not. */
class SecretValuesTest {
    private static final String SECRET = "s3cr3t-Zq81";

    @TempDir
    Path dir;

    private static void assertNoSecret(LoadedConfig loaded) {
        String all = texts(loaded) + "\n" + loaded.messages() + "\n" + loaded.config().describe();
        assertFalse(all.contains(SECRET), all);
    }

    @Test
    void validSecretValuesShowOnlyAsSet() throws IOException {
        Path headers = Files.writeString(dir.resolve("headers"), "X-Key: " + SECRET + "\n");
        LoadedConfig loaded = load("fingerprint.key=" + SECRET,
                props("logredact.collector.headers", "Authorization=Bearer " + SECRET),
                map("LOGREDACT_COLLECTOR_HEADERS_FILE", headers.toString()));
        assertEquals(SECRET, loaded.config().fingerprintKey());
        assertEquals("Bearer " + SECRET, loaded.config().collectorHeaders().get("Authorization"));
        assertNoSecret(loaded);
        assertEquals(String.join("\n",
                "logredact.collector.headers (system property) is on the command line, which other processes, JVM"
                        + " banners and test reports show; set LOGREDACT_COLLECTOR_HEADERS instead",
                "fingerprint.key (agent argument) is on the command line, which other processes, JVM banners and"
                        + " test reports show; set LOGREDACT_FINGERPRINT_KEY instead"), texts(loaded));
        assertFalse(loaded.hasErrors());
        String describe = loaded.config().describe();
        assertTrue(describe.contains("logredact: fingerprint.key = <set> (agent argument)"), describe);
        assertTrue(describe.contains("logredact: collector.headers = <set> (system property)"), describe);
        assertTrue(describe.contains("logredact: collector.headers.file = " + headers + " (environment)"), describe);
    }

    @Test
    void secretValuesFromTheEnvironmentOrAFileAreNotWarnedAbout() throws IOException {
        Path config = Files.writeString(dir.resolve("c.properties"), "logredact.fingerprint.key=" + SECRET + "\n");
        LoadedConfig loaded = load("config.file=" + config, props(), map("LOGREDACT_COLLECTOR_HEADERS", "A=" + SECRET));
        assertEquals("", texts(loaded));
        assertEquals(SECRET, loaded.config().fingerprintKey());
    }

    @Test
    void unsetSecretValuesShowAsUnset() {
        String describe = load(null, props(), map()).config().describe();
        assertTrue(describe.contains("logredact: fingerprint.key = <unset> (default)"), describe);
        assertTrue(describe.contains("logredact: collector.headers = <unset> (default)"), describe);
    }

    @Test
    void invalidHeadersAreNotQuoted() throws IOException {
        Path headers = Files.writeString(dir.resolve("headers"), "Authorization Bearer " + SECRET + "\n" + SECRET + "\n");
        LoadedConfig loaded = load("collector.headers=Bearer " + SECRET + ";collector.headers.file=" + headers,
                props("logredact.collector.headers", SECRET + "=x," + SECRET + "=y"),
                map("LOGREDACT_COLLECTOR_HEADERS", "A=" + SECRET + "\r\nB=x"));
        assertEquals(4, loaded.messages().size(), texts(loaded));
        assertNoSecret(loaded);
    }

    @Test
    void unknownKeysAndMalformedArgumentsAreNotQuoted() {
        LoadedConfig loaded = load("fingerprint.ky=" + SECRET + ";" + SECRET, props("logredact.fingerprint", SECRET),
                map("LOGREDACT_FINGERPRINTKEY", SECRET, "LOGREDACT_HEADERS", SECRET));
        assertEquals(5, loaded.messages().size(), texts(loaded));
        assertNoSecret(loaded);
    }

    @Test
    void credentialsInAnEndpointAreHiddenInMessages() {
        LoadedConfig loaded = load("collector.endpoint=https://ci:" + SECRET + "@collector.example/otlp",
                props("logredact.collector.endpoint", "https://collector.example/otlp?token=" + SECRET),
                map("LOGREDACT_COLLECTOR_ENDPOINT", "ftp://u:p@ss" + SECRET + "@collector.example#" + SECRET));
        assertEquals(String.join("\n",
                "collector.endpoint=https://***@collector.example/otlp (agent argument): must not carry credentials:"
                        + " put them in collector.headers or collector.headers.file",
                "logredact.collector.endpoint=https://collector.example/otlp?*** (system property): must not have a"
                        + " query or fragment: events go to {endpoint}/v1/logs",
                "LOGREDACT_COLLECTOR_ENDPOINT=ftp://***@collector.example#*** (environment): not an http or https URL"),
                texts(loaded));
        assertNoSecret(loaded);
    }

    @Test
    void anEndpointWithoutSchemeStillHidesItsUserInfo() {
        assertEquals("***@collector.example:4318", Endpoint.withoutCredentials("u:" + SECRET + "@collector.example:4318"));
        assertEquals("http://c.example/v1", Endpoint.withoutCredentials("http://c.example/v1"));
    }
}
