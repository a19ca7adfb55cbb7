package dev.logredact.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line in-process; it-tests run the same through the shaded jar. */
class MainTest {
    private static final String PAT = "ghp_" + "Zx8Kq2Lm4Np6Rt8Vw0Yb2Dc4Fg6Hj8Kl0Mn2";

    private String out;
    private String err;

    private int run(String stdin, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(o, true), new PrintStream(e, true));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void redactMasksStandardInput() {
        assertEquals(0, run("a\nuse " + PAT + " now\n", "redact"));
        assertEquals("a\nuse [REDACTED:github-pat] now\n", out);
        assertEquals("", err);
    }

    @Test
    void redactMasksKnownSecretsFromAFileAndWarnsAboutRefusedOnes(@TempDir Path dir) throws Exception {
        Path secrets = dir.resolve("secrets.txt");
        Files.writeString(secrets, "# deploy credentials\nsup3r-s3cret-pw\ntrue\n");
        assertEquals(0, run("login sup3r-s3cret-pw ok\n", "redact", "--secrets-env", "none", "--secrets-file", secrets.toString()));
        assertEquals("login [REDACTED:file:secrets.txt:2] ok\n", out);
        assertTrue(err.contains("not masking file:secrets.txt:3: a common value (true)"), err);
        assertFalse(err.contains("sup3r"));
    }

    @Test
    void redactTakesAMaskTemplate() {
        assertEquals(0, run(PAT, "redact", "--mask", "***{rule}***"));
        assertEquals("***github-pat***", out);
    }

    @Test
    void aBadMaskIsOneClearLine() {
        assertEquals(2, run(PAT, "redact", "--mask", "{rule}"));
        assertTrue(err.startsWith("logredact: --mask: the mask '{rule}' needs at least 3 characters"), err);
        assertEquals(1, err.trim().split("\n").length);
    }

    @Test
    void scanReportsLocationRuleAndFingerprintButNeverTheSecret(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("build.log");
        Files.writeString(file, "line one\n  token=" + PAT + "\n");
        assertEquals(1, run("", "scan", file.toString()));
        assertTrue(out.matches("(?s).*build\\.log:2:9: github-pat v1:[0-9a-f]{32} .*"), out);
        assertFalse(out.contains(PAT));
        assertEquals(7, run("", "scan", "--exit-code", "7", file.toString()));
        assertEquals(0, run("", "scan", "--rules", "none", file.toString()));
    }

    /** What {@code scan <(cmd)} passes: a pipe, read to its end, not refused as missing. */
    @Test
    void scanReadsANamedPipe(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "from a pipe token=" + PAT + "\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        assertEquals(1, run("", "scan", fifo.toString()));
        assertTrue(out.matches("(?s).*fifo:1:19: github-pat .*"), out);
        assertFalse(out.contains(PAT));
        writer.join(10_000);
        assertEquals(2, run("", "scan", dir.resolve("missing.log").toString()));
        assertTrue(err.contains("missing.log: no such file or directory"), err);
    }

    @Test
    void scanWritesJsonAndSarifWithoutTheSecret(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, PAT + "\n");
        assertEquals(1, run("", "scan", "--format", "json", file.toString()));
        assertTrue(out.contains("\"rule\" : \"github-pat\""), out);
        assertTrue(out.contains("\"column\" : 1"), out);
        assertFalse(out.contains(PAT));
        assertEquals(1, run("", "scan", "--format", "sarif", file.toString()));
        assertTrue(out.contains("\"version\" : \"2.1.0\""), out);
        assertTrue(out.contains("\"ruleId\" : \"github-pat\""), out);
        assertTrue(out.contains("\"logredact/v1\" : \"v1:"), out);
        assertFalse(out.contains(PAT));
    }

    @Test
    void aMissingFileIsOneClearLine() {
        assertEquals(2, run("", "scan", "/no/such/file.log"));
        assertEquals("logredact: /no/such/file.log: no such file or directory\n", err);
    }

    @Test
    void rulesCheckNamesFileLineRuleAndPosition(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules.toml");
        Files.writeString(rules, "[[rules]]\nid = \"ok\"\nregex = '''ok_[a-z]{4}'''\nkeywords = [\"ok_\"]\n\n"
                + "[[rules]]\nid = \"bad\"\nregex = '''bad(+'''\nkeywords = [\"bad\"]\n");
        assertEquals(1, run("", "rules", "check", "--rules", rules.toString()));
        assertTrue(err.contains(rules + ":7: error: rule 'bad': regex does not compile"), err);
        assertTrue(out.contains("1 rules loaded, 1 errors"), out);
        assertEquals(0, run("", "rules", "check"));
    }

    @Test
    void rulesListNotesRulesThatCannotApplyToStreams(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules.toml");
        Files.writeString(rules, "[[rules]]\nid = \"p12\"\npath = '''\\.p12$'''\n");
        assertEquals(0, run("", "rules", "list", "--rules", rules.toString()));
        assertTrue(out.contains("p12") && out.contains("path-only rule"), out);
    }

    @Test
    void unknownOptionsAndVerbsAreOneLinePlusAHint() {
        assertEquals(2, run("", "redact", "--bogus"));
        assertTrue(err.startsWith("logredact: Unknown option: '--bogus'"), err);
        assertEquals(2, run("", "frobnicate"));
        assertEquals(0, run("", "version"));
        assertTrue(out.startsWith("logredact "), out);
        assertEquals(0, run("", "scan", "--help"));
        assertTrue(out.contains("--format"), out);
    }

    @Test
    void usageAndHelpNameEveryVerbThoughARunBuildsOnlyItsOwn() {
        assertEquals(0, run("", "--help"));
        for (String verb : new String[] {"redact", "scan", "rules", "version", "help"}) {
            assertTrue(out.contains("  " + verb + " "), out);
        }
        assertEquals(0, run("", "help", "scan"));
        assertTrue(out.contains("--format"), out);
        assertEquals(2, run("", "redac"));
        assertTrue(err.startsWith("logredact: Unmatched argument at index 0: 'redac'"), err);
    }
}
