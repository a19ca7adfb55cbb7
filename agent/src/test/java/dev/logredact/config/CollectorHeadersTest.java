package dev.logredact.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.logredact.config.Configs.args;
import static dev.logredact.config.Configs.env;
import static dev.logredact.config.Configs.load;
import static dev.logredact.config.Configs.map;
import static dev.logredact.config.Configs.props;
import static dev.logredact.config.Configs.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code collector.headers} and {@code collector.headers.file}. */
class CollectorHeadersTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("headers"), content);
    }

    @Test
    void pairsAreCommaSeparatedAndAValueMayHoldEqualsSigns() {
        LoadedConfig loaded = env("LOGREDACT_COLLECTOR_HEADERS", " Authorization = Basic dXNlcjpwYXNz== , X-Scope-OrgID=ci,");
        assertEquals(List.of(), loaded.messages());
        assertEquals(map("Authorization", "Basic dXNlcjpwYXNz==", "X-Scope-OrgID", "ci"), loaded.config().collectorHeaders());
        assertEquals("Basic dXNlcjpwYXNz==", loaded.config().collectorHeaders().get("authorization"), "names ignore case");
        assertEquals("", env("LOGREDACT_COLLECTOR_HEADERS", "X-Empty=").config().collectorHeaders().get("X-Empty"));
    }

    @Test
    void noHeadersByDefaultAndTheMapIsUnmodifiable() {
        Map<String, String> headers = env().config().collectorHeaders();
        assertEquals(Map.of(), headers);
        assertThrows(UnsupportedOperationException.class, () -> headers.put("a", "b"));
        assertThrows(UnsupportedOperationException.class,
                () -> env("LOGREDACT_COLLECTOR_HEADERS", "a=b").config().collectorHeaders().clear());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Authorization Bearer t0ken           | pair 1 has no '=' between name and value",
        "A=1,=t0ken                           | pair 2: the header name is empty or has characters HTTP does not allow",
        "Bad Name=t0ken                       | pair 1: the header name is empty or has characters HTTP does not allow",
        "X:Y=t0ken                            | pair 1: the header name is empty or has characters HTTP does not allow",
        "A=1,,a=t0ken                         | pair 3 sets the same header as pair 1",
        "',  ,'                               | sets no headers",
    })
    void invalidPairsAreAnErrorThatNamesThePlaceNotTheText(String value, String problem) {
        LoadedConfig loaded = load("collector.headers=" + value, props(), map("LOGREDACT_COLLECTOR_HEADERS", "A=from-env"));
        assertEquals("collector.headers=<hidden> (agent argument): " + problem, texts(loaded));
        assertEquals(map("A", "from-env"), loaded.config().collectorHeaders());
    }

    @Test
    void aControlCharacterInAValueIsRejected() {
        LoadedConfig loaded = env("LOGREDACT_COLLECTOR_HEADERS", "A=t0k\ren");
        assertEquals("LOGREDACT_COLLECTOR_HEADERS=<hidden> (environment): pair 1: the header value has control characters",
                texts(loaded));
    }

    @Test
    void theFileTakesColonOrEqualsLinesCommentsAndCrLf() throws IOException {
        Path f = file("# collector credentials\r\nAuthorization: Bearer a,b=c\r\n\r\n  X-Scope-OrgID = ci  \r\nX-Colon=a:b\r\n");
        LoadedConfig loaded = env("LOGREDACT_COLLECTOR_HEADERS_FILE", f.toString());
        assertEquals(List.of(), loaded.messages());
        assertEquals(map("Authorization", "Bearer a,b=c", "X-Scope-OrgID", "ci", "X-Colon", "a:b"),
                loaded.config().collectorHeaders());
        assertEquals(f, loaded.config().collectorHeadersFile());
    }

    @Test
    void inlineHeadersWinOverTheFileForTheSameName() throws IOException {
        Path f = file("authorization: Bearer from-file\nX-File: 1\n");
        AgentConfig c = load("collector.headers=Authorization=Bearer inline", props(),
                map("LOGREDACT_COLLECTOR_HEADERS_FILE", f.toString())).config();
        assertEquals(map("Authorization", "Bearer inline", "X-File", "1"), c.collectorHeaders());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'Authorization Bearer t0ken'                | line 1 has no ':' or '=' between name and value",
        "'# c\\nA: 1\\nBad Name: t0ken'              | line 3: the header name is empty or has characters HTTP does not allow",
        "'A: 1\\n: t0ken'                            | line 2: the header name is empty or has characters HTTP does not allow",
        "'A: 1\\na= t0ken'                           | line 2 sets the same header as line 1",
        "'A: t0k\\0en'                               | line 1: the header value has control characters",
        "'# only a comment\\n\\n'                    | sets no headers",
    })
    void anInvalidFileIsAnErrorNamingThePathAndLine(String content, String problem) throws IOException {
        Path f = file(content.replace("\\n", "\n").replace("\\0", "\u0000"));
        LoadedConfig loaded = env("LOGREDACT_COLLECTOR_HEADERS_FILE", f.toString());
        assertEquals("LOGREDACT_COLLECTOR_HEADERS_FILE=" + f + " (environment): " + problem, texts(loaded));
        assertNull(loaded.config().collectorHeadersFile());
        assertEquals(Map.of(), loaded.config().collectorHeaders());
    }

    @Test
    void aMissingFileIsAnErrorNamingThePathAndTheNextSourceIsUsed() throws IOException {
        Path present = file("A: 1\n");
        Path missing = dir.resolve("nope");
        LoadedConfig loaded = load("collector.headers.file=" + missing, props(),
                map("LOGREDACT_COLLECTOR_HEADERS_FILE", present.toString()));
        assertEquals("collector.headers.file=" + missing + " (agent argument): cannot read: no such file", texts(loaded));
        assertEquals(present, loaded.config().collectorHeadersFile());
        assertEquals(map("A", "1"), loaded.config().collectorHeaders());
    }

    @Test
    void anUnreadableFileIsAnError() throws IOException {
        Path f = file("A: 1\n");
        f.toFile().setReadable(false);
        LoadedConfig loaded = args("collector.headers.file=" + f);
        String expected = Files.isReadable(f) ? "" // running as root: the permission cannot be taken away
                : "collector.headers.file=" + f + " (agent argument): cannot read: permission denied";
        assertEquals(expected, texts(loaded));
    }
}
