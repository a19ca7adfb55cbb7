package dev.logredact.secrets;

import dev.logredact.testing.FakeSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretSourcesTest {
    private final FakeSecrets fake = new FakeSecrets(21);
    private final String pat = fake.githubPat();
    private final String npm = fake.npmToken();

    @TempDir
    Path dir;

    @Test
    void environmentVariablesAreTakenByNameAndRefusedWithoutTheirValue() {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_TOKEN", " " + pat + "\n");
        env.put("NPM_TOKEN", npm);
        env.put("SHORT_TOKEN", "aB3x");
        env.put("FEATURE_SECRET", "true");
        env.put("BLANK_PASSWORD", " \t ");
        env.put("EMPTY_PASSWORD", "");
        env.put("PATH", "/usr/local/bin:/usr/bin");
        env.put("GIT_AUTHOR_NAME", "Jane Developer");

        SecretSources.Collected collected = SecretSources.fromEnvironment(env, EnvGlobs.defaults(), 6);

        assertEquals(2, collected.accepted().size());
        assertEquals(KnownSecret.of(KnownSecret.Source.ENV, "GITHUB_TOKEN", pat), collected.accepted().get(0));
        assertEquals(pat, collected.accepted().get(0).value());
        assertEquals("env:NPM_TOKEN", collected.accepted().get(1).label());
        assertEquals(List.of("env:BLANK_PASSWORD: whitespace only", "env:EMPTY_PASSWORD: empty",
                "env:FEATURE_SECRET: a common value (true)", "env:SHORT_TOKEN: shorter than 6 characters"),
                strings(collected.refused()));
        SecretSources.Refused refused = collected.refused().get(3);
        assertEquals("SHORT_TOKEN", refused.name());
        assertEquals(KnownSecret.Source.ENV, refused.source());
        assertEquals("shorter than 6 characters", refused.reason());
        assertFalse(collected.toString().contains(pat));
        assertFalse(collected.toString().contains("aB3x"));
    }

    @Test
    void aFileHoldsOneSecretPerLine() throws IOException {
        Path file = write("secrets.txt", "# deploy credentials\n\n  " + pat + "  \r\naB3x\n   # indented comment\n\t"
                + npm + "\r\n" + "#" + fake.gitlabPat() + "\n");

        SecretSources.Collected collected = SecretSources.fromFile(file, 6);

        assertEquals(List.of("KnownSecret(file:secrets.txt:3)", "KnownSecret(file:secrets.txt:6)"),
                strings(collected.accepted()));
        assertEquals(pat, collected.accepted().get(0).value());
        assertEquals(npm, collected.accepted().get(1).value());
        assertEquals(List.of("file:secrets.txt:4: shorter than 6 characters"), strings(collected.refused()));
    }

    @Test
    void aByteOrderMarkAndALastLineWithoutNewlineAreFine() throws IOException {
        Path file = write("secrets.txt", "\uFEFF" + pat + "\n" + npm);
        assertEquals(List.of(pat, npm), values(SecretSources.fromFile(file, 6)));
    }

    @Test
    void anEmptyFileHoldsNoSecrets() throws IOException {
        SecretSources.Collected collected = SecretSources.fromFile(write("secrets.txt", "\n  \n"), 6);
        assertTrue(collected.accepted().isEmpty());
        assertTrue(collected.refused().isEmpty());
    }

    @Test
    void aFileStartingWithABracketIsAJsonArrayOfStrings() throws IOException {
        String json = "\n  [ \"" + pat + "\",\n \"-----BEGIN FAKE KEY-----\\nb3Blbn\\u00e9\\uD83D\\uDE00\\n-----END FAKE KEY-----\\n\","
                + " \"\", \"#starts-with-hash\", \"q\\\"uo\\\\te\\/d\\t\\b\\f\\r-val\" ]\n";
        SecretSources.Collected collected = SecretSources.fromFile(write("secrets.json", json), 6);

        assertEquals(List.of("file:secrets.json[0]", "file:secrets.json[1]", "file:secrets.json[3]",
                "file:secrets.json[4]"), labels(collected.accepted()));
        assertEquals(List.of(pat, "-----BEGIN FAKE KEY-----\nb3Blbné\uD83D\uDE00\n-----END FAKE KEY-----",
                "#starts-with-hash", "q\"uo\\te/d\t\b\f\r-val"), values(collected));
        assertEquals(List.of("file:secrets.json[2]: empty"), strings(collected.refused()));
    }

    @Test
    void anEmptyJsonArrayHoldsNoSecrets() throws IOException {
        assertTrue(SecretSources.fromFile(write("secrets.json", " [ ] "), 6).accepted().isEmpty());
    }

    @Test
    void malformedJsonIsAnErrorNamingFileAndPosition() throws IOException {
        assertJsonError("[\"" + pat + "\", 42]", "line 1, column 46: expected a string but found a number"
                + " (the file must be an array of strings only)");
        assertJsonError("[\n  \"" + pat + "\",\n  {\"k\": \"v\"}\n]", "line 3, column 3: expected a string but found an object"
                + " (the file must be an array of strings only)");
        assertJsonError("[\"" + pat + "\", " + npm + "]", "line 1, column 46: expected a string but found a bare word"
                + " (true, false, null or text without double quotes) (the file must be an array of strings only)");
        assertJsonError("[\"" + pat + "\" \"" + npm + "\"]", "line 1, column 45: expected ',' or ']' but found '\"'");
        assertJsonError("[\"" + pat + "\",]", "line 1, column 45: expected a string but found ']'"
                + " (the file must be an array of strings only)");
        assertJsonError("[\"" + pat + "\"] x", "line 1, column 46: expected the end of the file after the array but found"
                + " a bare word (true, false, null or text without double quotes)");
        assertJsonError("[\"" + pat, "line 1, column 43: the string is not closed");
        assertJsonError("[", "line 1, column 2: expected a string but found the end of the file"
                + " (the file must be an array of strings only)");
        assertJsonError("[\"tab\there\"]", "line 1, column 6: a control character must be escaped inside a string");
        assertJsonError("[\"bad\\xescape\"]", "line 1, column 6: invalid escape \\x");
        assertJsonError("[\"bad\\u12\"]", "line 1, column 8: \\u must be followed by four hex digits");
        assertJsonError("[\"lone\\uD83Dsurrogate\"]",
                "line 1, column 7: \\uD83D starts a surrogate pair that is not completed");
        assertJsonError("[\"lone\\uDE00surrogate\"]",
                "line 1, column 7: \\uDE00 is the second half of a surrogate pair without the first");
    }

    @Test
    void aFileThatIsNotUtf8IsAnError() throws IOException {
        Path file = dir.resolve("secrets.txt");
        Files.write(file, new byte[] {'a', 'b', 'c', 'd', 'e', 'f', '\n', (byte) 0xe9, 'x', '\n'});
        IOException e = assertThrows(IOException.class, () -> SecretSources.fromFile(file, 6));
        assertEquals(file + ": byte 7 (counting from 0) is not valid UTF-8", e.getMessage());
    }

    @Test
    void aMissingFileIsAnError() {
        assertThrows(IOException.class, () -> SecretSources.fromFile(dir.resolve("missing.txt"), 6));
    }

    private void assertJsonError(String json, String expected) throws IOException {
        Path file = write("secrets.json", json);
        IOException e = assertThrows(IOException.class, () -> SecretSources.fromFile(file, 6));
        assertEquals(file + ": " + expected, e.getMessage());
        assertFalse(e.getMessage().contains(pat), "the message shows the secret");
        assertFalse(e.getMessage().contains(npm), "the message shows the secret");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static List<String> strings(List<?> objects) {
        List<String> out = new ArrayList<>();
        for (Object o : objects) {
            out.add(o.toString());
        }
        return out;
    }

    private static List<String> labels(List<KnownSecret> secrets) {
        List<String> out = new ArrayList<>();
        for (KnownSecret s : secrets) {
            out.add(s.label());
        }
        return out;
    }

    private static List<String> values(SecretSources.Collected collected) {
        List<String> out = new ArrayList<>();
        for (KnownSecret s : collected.accepted()) {
            out.add(s.value());
        }
        return out;
    }
}
