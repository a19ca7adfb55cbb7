package dev.logredact.it;

import dev.logredact.it.apps.LeakyApp;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent on System.out and System.err, in real JVMs of the Java running the tests. */
class StdStreamsIT {
    /** A fake deploy token that only the environment names: only known-secret masking can find it. */
    private static final String DEPLOY_TOKEN = "dt-4f9K2mQ8xZ7pL3wR6vB1nC5";
    private static final String MASK = "[REDACTED:github-pat]";

    private static AgentJar.Run app(Map<String, String> env, String agentArgs, String... scenarios) throws Exception {
        return app(env, agentArgs, new ArrayList<>(), scenarios);
    }

    private static AgentJar.Run app(Map<String, String> env, String agentArgs, List<String> jvmOptions,
                                    String... scenarios) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(AgentJar.java().toString());
        command.addAll(jvmOptions);
        command.add("-javaagent:" + AgentJar.path() + (agentArgs == null ? "" : "=" + agentArgs));
        command.add("-cp");
        command.add(Paths.get(LeakyApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        command.add(LeakyApp.class.getName());
        command.addAll(Arrays.asList(scenarios));
        Map<String, String> environment = new HashMap<>(env);
        if (!environment.containsKey("DEPLOY_TOKEN")) {
            environment.put("DEPLOY_TOKEN", DEPLOY_TOKEN);
        } else if (environment.get("DEPLOY_TOKEN") == null) {
            // Asked for no known secret at all.
            environment.remove("DEPLOY_TOKEN");
        }
        return AgentJar.run(command, environment);
    }

    private static AgentJar.Run app(String... scenarios) throws Exception {
        return app(new HashMap<>(), null, scenarios);
    }

    private static void assertClean(AgentJar.Run run) {
        assertFalse(run.out().contains(LeakyApp.PAT), run.out());
        assertFalse(run.stderr.contains(LeakyApp.PAT), run.stderr);
        assertFalse(run.out().contains(DEPLOY_TOKEN), run.out());
        assertFalse(run.stderr.contains(DEPLOY_TOKEN), run.stderr);
    }

    @Test
    void everyPrintPathIsMasked() throws Exception {
        AgentJar.Run run = app("println", "printf", "write", "chars", "stderr");
        assertEquals(0, run.exitCode, run.stderr);
        assertClean(run);
        assertEquals("println " + MASK + "\nprintf " + MASK + " and 42\nwrite " + MASK + "\nchars " + MASK + "\n", run.out());
        assertTrue(run.stderr.contains("stderr " + MASK), run.stderr);
    }

    @Test
    void streamsSetLaterAreMaskedAndRestoringKeepsIdentity() throws Exception {
        AgentJar.Run run = app("setout");
        assertClean(run);
        assertEquals("setout " + MASK + "\nappend " + MASK + "\nrestored identity kept\n", run.out());
    }

    /**
     * Threads printing at once on both streams (masked behind them, on the agent's thread): every line
     * arrives whole, each thread's lines in order, every token masked and counted.
     */
    @Test
    void aBurstFromManyThreadsArrivesWholeInOrderAndMasked() throws Exception {
        AgentJar.Run run = app("burst");
        assertEquals(0, run.exitCode, run.stderr);
        assertBurst(run);
    }

    /** A JVM ended by SIGTERM right after the burst: what was still queued is masked and written at exit. */
    @Test
    void aBurstEndedBySigtermIsWrittenWhole() throws Exception {
        AgentJar.Run run = app("burst-then-sigterm");
        assertEquals(143, run.exitCode, run.stderr);
        assertBurst(run);
    }

    private static void assertBurst(AgentJar.Run run) {
        assertClean(run);
        int[] nextOut = new int[LeakyApp.BURST_THREADS];
        int[] nextErr = new int[LeakyApp.BURST_THREADS];
        int masks = 0;
        for (String[] stream : new String[][] {run.out().split("\n"), run.stderr.split("\n")}) {
            for (String line : stream) {
                if (line.startsWith("logredact: masked")) {
                    continue;
                }
                String[] parts = line.split(" ");
                int id = Integer.parseInt(parts[1]);
                int n = Integer.parseInt(parts[2]);
                int[] next = n % 2 == 0 ? nextOut : nextErr;
                assertEquals(next[id] + (n % 2 == 0 ? 0 : 1), n, "thread " + id + ": " + line);
                next[id] += 2;
                String expected = "burst " + id + " " + n + (n % 100 == 0 ? " token " + MASK : "");
                assertEquals(expected, line);
                masks += n % 100 == 0 ? 1 : 0;
            }
        }
        for (int id = 0; id < LeakyApp.BURST_THREADS; id++) {
            assertEquals(LeakyApp.BURST_LINES, nextOut[id], "stdout lines of thread " + id);
            assertEquals(LeakyApp.BURST_LINES, nextErr[id], "stderr lines of thread " + id);
        }
        assertTrue(run.stderr.contains("logredact: masked " + masks + " secrets (github-pat x" + masks + ")"), run.stderr);
    }

    @Test
    void environmentSecretsAreMaskedInTheirEncodedForms() throws Exception {
        AgentJar.Run run = app("env");
        assertClean(run);
        String out = run.out();
        assertTrue(out.contains("plain [REDACTED:env:DEPLOY_TOKEN]"), out);
        assertFalse(out.contains("ZHQtNGY5SzJtUTh4Wjdw"), out);
        assertTrue(out.contains("json {\"token\":\"[REDACTED:env:DEPLOY_TOKEN]\"}"), out);
    }

    @Test
    void aPrivateKeyIsMaskedWhole() throws Exception {
        AgentJar.Run run = app("pem");
        assertEquals("key:\n-----BEGIN RSA PRIVATE KEY-----\n[REDACTED:private-key]\n-----END RSA PRIVATE KEY-----\nafter\n",
                run.out());
    }

    @Test
    void heldBytesAreWrittenAtSystemExitAndASummaryFollows() throws Exception {
        AgentJar.Run run = app("exit-mid-line");
        assertEquals(3, run.exitCode);
        assertEquals("partial " + MASK, run.out());
        assertTrue(run.stderr.contains("logredact: masked 1 secret (github-pat x1) on stdout"), run.stderr);
    }

    @Test
    void outputPrintedOnlyByAShutdownHookIsWrittenMasked() throws Exception {
        // The engine is built on the first write, here during shutdown: the write must wait for it.
        for (int i = 0; i < 3; i++) {
            AgentJar.Run run = app("hook");
            assertEquals(0, run.exitCode, run.stderr);
            assertEquals("hook " + MASK + "\n", run.out());
        }
    }

    @Test
    void anUncaughtExceptionIsMaskedWithItsCause() throws Exception {
        AgentJar.Run run = app("throw");
        assertEquals(1, run.exitCode);
        assertClean(run);
        assertTrue(run.stderr.contains("failed with " + MASK), run.stderr);
        assertTrue(run.stderr.contains("cause " + MASK), run.stderr);
    }

    @Test
    void aChildJvmGetsTheAgentToo() throws Exception {
        AgentJar.Run run = app("child");
        assertClean(run);
        assertTrue(run.out().contains("println " + MASK), run.out());
        assertTrue(run.out().contains("child exited 0"), run.out());
    }

    @Test
    void aValueRegisteredMidRunIsMaskedAlsoInOutputStillHeld() throws Exception {
        AgentJar.Run run = app("register");
        assertEquals("fetched [REDACTED:api:VAULT_TOKEN] registered ok\nagain [REDACTED:api:VAULT_TOKEN]\n", run.out());
    }

    @Test
    void writesStraightToTheFileDescriptorsAreMaskedAndKeepTheirOrder() throws Exception {
        AgentJar.Run run = app("fd");
        assertClean(run);
        assertEquals("fd " + MASK + "\nafter fd\n", run.out());
        assertTrue(run.stderr.contains("fd-err " + MASK), run.stderr);
    }

    /**
     * Each standard stream keeps the charset the JVM made it with, told apart (Java 19+ reads
     * stdout.encoding and stderr.encoding, Java 17 the sun. ones): masked text is encoded as the
     * application's own would have been.
     */
    @Test
    void eachStandardStreamKeepsItsOwnCharset() throws Exception {
        AgentJar.Run run = app(new HashMap<>(), null, Arrays.asList("-Dstdout.encoding=ISO-8859-1",
                "-Dsun.stdout.encoding=ISO-8859-1", "-Dstderr.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8"), "charsets");
        assertEquals(0, run.exitCode, run.stderr);
        assertEquals("caf\u00e9 " + MASK + "\n", new String(run.stdout, StandardCharsets.ISO_8859_1));
        assertTrue(run.stderr.contains("caf\u00e9 " + MASK), run.stderr);
    }

    /**
     * With no known secret, a JVM that exits right after printing need not wait for the engine to write
     * lines without a keyword (ExitClearance): they arrive as written, and a secret still never does.
     */
    @Test
    void aJvmWithoutKnownSecretsThatExitsAtOnceWritesCleanLinesAndMasksSecrets() throws Exception {
        Map<String, String> noKnownSecrets = new HashMap<>();
        noKnownSecrets.put("DEPLOY_TOKEN", null);
        AgentJar.Run clean = app(noKnownSecrets, null, "hello");
        assertEquals(0, clean.exitCode, clean.stderr);
        assertEquals("Hello, world\n", clean.out());
        assertEquals("caf\u00e9 ready" + System.lineSeparator(), clean.stderr);
        AgentJar.Run leaky = app(noKnownSecrets, null, "println", "exit-mid-line");
        assertClean(leaky);
        assertTrue(leaky.out().startsWith("println " + MASK + "\n"), leaky.out());
    }

    @Test
    void aCleanRunIsUnchangedAndSilent() throws Exception {
        AgentJar.Run run = app("clean");
        assertEquals("nothing secret here: BUILD SUCCESS, token count 3\n", run.out());
        assertEquals("", run.stderr);
    }

    @Test
    void theAgentCanBeSwitchedOff() throws Exception {
        AgentJar.Run run = app(new HashMap<>(), "enabled=false", "println");
        assertEquals("println " + LeakyApp.PAT + "\n", run.out());
    }

    @Test
    void attachingTwiceMasksOnce() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_TOOL_OPTIONS", "-javaagent:" + AgentJar.path());
        AgentJar.Run run = app(env, null, "println");
        assertEquals("println " + MASK + "\n", run.out());
        assertFalse(run.stderr.contains("REDACTED:REDACTED"), run.stderr);
    }

    @Test
    void configurationErrorsAreClearAndMaskingGoesOn() throws Exception {
        AgentJar.Run run = app(new HashMap<>(), "secrets.min.length=abc;maks=x", "println");
        assertEquals("println " + MASK + "\n", run.out());
        assertTrue(run.stderr.contains("secrets.min.length"), run.stderr);
        assertTrue(run.stderr.contains("mask"), run.stderr);
    }

    /**
     * The engine warns while it is being built (a known secret it refuses, a rule file it cannot read).
     * Those warnings once went through the masking streams and waited for the engine, that is, for
     * themselves: the JVM stood still for a minute and then withheld all its output.
     */
    @Test
    void warningsWrittenWhileTheEngineIsBuiltHoldUpNothing(@TempDir Path dir) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("NPM_TOKEN", "abc");
        Path missing = dir.resolve("no-such-rules.toml");
        AgentJar.Run run = app(env, "rules=" + missing, "println", "stderr");
        assertEquals(0, run.exitCode, run.stderr);
        assertEquals("println " + MASK + "\n", run.out());
        assertTrue(run.stderr.contains("stderr " + MASK), run.stderr);
        assertTrue(run.stderr.contains("not masking env:NPM_TOKEN"), run.stderr);
        assertTrue(run.stderr.contains("no-such-rules.toml"), run.stderr);
        assertTrue(run.stderr.contains("masking with the default rules instead"), run.stderr);
    }

    /**
     * A rule file is kept checked in the user's cache (XDG_CACHE_HOME), so the next JVM skips its TOML
     * and pattern compiling; an edit of the file is seen by the next JVM all the same.
     */
    @Test
    void ruleFilesAreKeptInTheUserCacheAndAnEditIsSeen(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("acme.toml");
        Files.write(rules, ("[extend]\nuseDefault = true\n\n[[rules]]\nid = \"acme-key\"\n"
                + "regex = 'acme_[a-z0-9]{20}'\nkeywords = [\"acme_\"]\n").getBytes(StandardCharsets.UTF_8));
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Path cache = dir.resolve("cache").resolve("logredact").resolve("rules");
        for (int run = 0; run < 2; run++) {
            AgentJar.Run masked = app(env, "rules=" + rules, "custom", "println");
            assertEquals("custom [REDACTED:acme-key]\nprintln " + MASK + "\n", masked.out(), masked.stderr);
            try (java.util.stream.Stream<Path> entries = Files.list(cache)) {
                assertEquals(1, entries.count(), "run " + run + ": one entry for the one rule set");
            }
        }
        Files.write(rules, "[extend]\nuseDefault = true\n".getBytes(StandardCharsets.UTF_8));
        AgentJar.Run edited = app(env, "rules=" + rules, "custom");
        assertEquals("custom acme_0123456789abcdefghij\n", edited.out(), "the rule removed from the file is gone");
    }

    /**
     * GitHub Actions, opt-in: the runner is told to mask what a rule found, once, straight on the
     * descriptor (so the command is not itself masked); known secrets, which the runner already has, are
     * not sent.
     */
    @Test
    void addMaskTellsTheGithubRunnerOnceAndOnlyWhenAsked() throws Exception {
        Map<String, String> actions = new HashMap<>();
        actions.put("GITHUB_ACTIONS", "true");
        AgentJar.Run run = app(actions, "github.add.mask=true", "println", "println", "env");
        String out = run.out();
        assertTrue(out.startsWith("\n::add-mask::" + LeakyApp.PAT + "\nprintln " + MASK + "\nprintln " + MASK + "\n"), out);
        assertEquals(1, out.split(LeakyApp.PAT, -1).length - 1, "the value is only in the one command: " + out);
        assertFalse(out.contains(DEPLOY_TOKEN), out);
        assertFalse(run.stderr.contains(LeakyApp.PAT), run.stderr);

        assertEquals("println " + MASK + "\n", app(actions, null, "println").out(), "not without the opt-in");
        Map<String, String> elsewhere = new HashMap<>();
        elsewhere.put("GITHUB_ACTIONS", "false");
        assertEquals("println " + MASK + "\n", app(elsewhere, "github.add.mask=true", "println").out(),
                "not outside GitHub Actions");
    }

    /** A JVM that loads no logging framework loads none of the agent's framework hooks or patches, nor ASM. */
    @Test
    void aJvmWithoutALoggingFrameworkLoadsNoFrameworkHook(@TempDir Path dir) throws Exception {
        Path loaded = dir.resolve("classes.txt");
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + loaded);
        AgentJar.Run run = app(env, null, "clean");
        assertEquals(0, run.exitCode, run.stderr);
        String classes = new String(Files.readAllBytes(loaded), StandardCharsets.UTF_8);
        assertTrue(classes.contains("dev.logredact.attach.FrameworkPatches "), "the log lists the agent's classes");
        for (String hook : new String[] {"dev.logredact.logback.", "dev.logredact.log4j2.", "dev.logredact.log4j1.",
                "dev.logredact.jul.", "dev.logredact.slf4j.", "LogbackAppenderPatch", "Log4j2Patch", "Log4j1Patch",
                "ReturnValuePatch", "LibraryEntryHookPatch", "MethodPatch", "HookAccessors", "dev.logredact.shaded.asm."}) {
            assertFalse(classes.contains(hook), hook + " was loaded");
        }
    }
}
