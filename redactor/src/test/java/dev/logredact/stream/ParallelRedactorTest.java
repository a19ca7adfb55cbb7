package dev.logredact.stream;

import dev.logredact.mask.Redactor;
import dev.logredact.match.LiteralSet;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.secrets.KnownSecret;
import dev.logredact.secrets.SecretRegistry;
import dev.logredact.testing.FakeSecrets;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Masking blocks ahead on workers writes exactly what one masker fed the same blocks writes. */
class ParallelRedactorTest {
    private static final Redactor RULES = Redactor.builder(RuleSetLoader.defaults()).build();
    private static final String ENV_SECRET = "s3cr3t-Env-Value-Q9";
    private static final String SPACED_SECRET = "correct horse battery staple 7Q";

    @Test
    void aSecretLearnedInOneBlockIsMaskedInTheBlocksMaskedAtTheSameTime() throws IOException {
        String pat = new FakeSecrets(7).githubPat();
        String encoded = java.util.Base64.getEncoder().encodeToString(pat.getBytes(StandardCharsets.UTF_8));
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            log.append("[INFO] step ").append(i).append(" ok\n");
        }
        log.append("git clone https://x-access-token:").append(pat).append("@github.com/acme/app.git\n");
        for (int i = 0; i < 200; i++) {
            // Encoded: no rule finds it, only the learned secret's forms do.
            log.append(i % 50 == 25 ? "echo " + encoded + "\n" : "[INFO] line " + i + " of the build\n");
        }
        Run run = compare(log.toString(), 512, 2, false);
        assertFalse(run.output.contains(encoded));
        // Each worker learns in turn, before it matches known secrets: no block needs masking again.
        assertTrue(run.ahead > 10 && run.inOrder == 0, run.ahead + " ahead, " + run.inOrder + " in order");
    }

    @Test
    void aSecretWithSpacesLearnedInOneBlockIsMaskedInLaterBlocksWhateverTheWhitespace() throws Exception {
        Redactor passphrases = Redactor.builder(RuleSetLoader.parse("[[rules]]\nid = \"passphrase\"\n"
                + "regex = '''passphrase: \"([a-z]+ [a-z]+ [a-z]+ [0-9]{4})\"'''\nkeywords = [\"passphrase\"]\n",
                "passphrase.toml")).build();
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            log.append(i == 20 ? "passphrase: \"correct horse battery 4711\"\n"
                    : i % 40 == 30 ? "echo correct  horse\tbattery\n   4711 done\n" : "[INFO] line " + i + "\n");
        }
        Run run = compare(passphrases, log.toString(), 256, 2, false);
        assertFalse(run.output.contains("correct"));
        assertTrue(run.ahead > 10, run.ahead + " ahead, " + run.inOrder + " in order");
    }

    @Test
    void aBlockMaskedFasterThanTheOneBeforeWaitsForWhatThatOneLearned() throws IOException {
        FakeSecrets fake = new FakeSecrets(23);
        StringBuilder log = new StringBuilder();
        List<String> reprinted = new ArrayList<>();
        for (int pair = 0; pair < 20; pair++) {
            // A slow block: a leak, then lines where a keyword occurs and the rules must look.
            String pat = fake.githubPat();
            StringBuilder slow = new StringBuilder("git clone https://x-access-token:" + pat + "@github.com/a/b.git\n");
            while (slow.length() < 15_000) {
                slow.append("[DEBUG] api key token access auth secret password: ").append(fake.noise(8)).append('\n');
            }
            // A fast block: no keyword, and the secret's base64 form, which only the learned secret masks.
            String encoded = java.util.Base64.getEncoder().encodeToString(pat.getBytes(StandardCharsets.UTF_8));
            reprinted.add(encoded);
            StringBuilder fast = new StringBuilder("echo " + encoded + "\n");
            while (fast.length() < 15_000) {
                fast.append("[INFO] Downloading from central: org/example/lib/1.0/lib-1.0.jar\n");
            }
            log.append(pad(slow, 16_000)).append(pad(fast, 16_000));
        }
        Run run = compare(log.toString(), 16_000, 2, false);
        for (String encoded : reprinted) {
            assertFalse(run.output.contains(encoded));
        }
    }

    /** The text padded with plain lines to {@code size} bytes, so that each stands in a block of its own. */
    private static String pad(StringBuilder text, int size) {
        while (text.length() < size - 20) {
            text.append("[INFO] ok\n");
        }
        while (text.length() < size - 1) {
            text.append(' ');
        }
        return text.append('\n').toString();
    }

    @Test
    void aPrivateKeySpanningBlocksIsMaskedWhole() throws IOException {
        FakeSecrets fake = new FakeSecrets(11);
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            log.append("[DEBUG] resolving artifact ").append(i).append('\n');
        }
        log.append(privateKey(fake));
        for (int i = 0; i < 30; i++) {
            log.append("[DEBUG] resolved artifact ").append(i).append('\n');
        }
        for (int size : new int[] {200, 333, 1024}) {
            Run run = compare(log.toString(), size, 3, false);
            assertFalse(run.output.contains("MII"));
        }
    }

    @Test
    void propertyRandomLogsSplitAnywhereComeOutAsFromOneMasker() throws IOException {
        Random random = new Random(42);
        int ahead = 0;
        int inOrder = 0;
        for (int round = 0; round < 60; round++) {
            FakeSecrets fake = new FakeSecrets(random.nextLong());
            String log = randomLog(fake, random, 100 + random.nextInt(400));
            int blockSize = 64 + random.nextInt(4000);
            Run run = compare(log, blockSize, 1 + random.nextInt(4), random.nextBoolean());
            ahead += run.ahead;
            inOrder += run.inOrder;
        }
        assertTrue(ahead > 1000 && inOrder > 100, ahead + " blocks ahead, " + inOrder + " in order");
    }

    /** Lines of noise with leaks, bare repeats of leaked values, keys, colour codes and odd line ends. */
    private static String randomLog(FakeSecrets fake, Random random, int lines) {
        List<String> leaked = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int kind = random.nextInt(100);
            if (kind < 6) {
                String secret = fake.any();
                leaked.add(secret);
                log.append("export TOKEN=").append(secret);
            } else if (kind < 12 && !leaked.isEmpty()) {
                log.append("retry with ").append(leaked.get(random.nextInt(leaked.size())));
            } else if (kind < 14) {
                String key = privateKey(fake);
                keys.add(key);
                log.append(key);
                continue;
            } else if (kind < 15 && !keys.isEmpty()) {
                // As echo prints a variable holding it: the lines joined by spaces.
                log.append("echo ").append(keys.get(random.nextInt(keys.size())).trim().replace('\n', ' '));
            } else if (kind < 17) {
                log.append("\u001b[32m").append(fake.noise(4)).append("\u001b[0m ").append(ENV_SECRET);
            } else if (kind < 19) {
                log.append("phrase: correct horse\n battery  staple 7Q");
            } else if (kind < 20) {
                log.append(fake.noise(3000));
            } else {
                log.append(fake.noise(1 + random.nextInt(20)));
            }
            int end = random.nextInt(20);
            log.append(end == 0 ? "\r\n" : end == 1 ? "\r" : "\n");
        }
        if (random.nextBoolean()) {
            log.append("no line end at the very end ").append(fake.githubPat());
        }
        return log.toString();
    }

    private static String privateKey(FakeSecrets fake) {
        StringBuilder key = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\n");
        for (int i = 0; i < 8; i++) {
            key.append("MII").append(fake.token("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 61))
                    .append('\n');
        }
        return key.append("-----END RSA PRIVATE KEY-----\n").toString();
    }

    /** Masks {@code log} both ways and asserts the outputs are the same bytes. */
    private static Run compare(String log, int blockSize, int workers, boolean knownSecrets) throws IOException {
        return compare(RULES, log, blockSize, workers, knownSecrets);
    }

    private static Run compare(Redactor rules, String log, int blockSize, int workers, boolean knownSecrets)
            throws IOException {
        byte[] input = log.getBytes(StandardCharsets.UTF_8);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Learning sequential = new Learning(registry(knownSecrets), 0);
        StreamMasker one = new StreamMasker(rules, sequential, StandardCharsets.UTF_8, expected,
                StreamMasker.RedactionSink.NONE);
        LineBlocks blocks = new LineBlocks(new ByteArrayInputStream(input), blockSize);
        for (LineBlocks.Block b; (b = blocks.next()) != null; ) {
            one.write(b.bytes, 0, b.length);
        }
        one.releaseAll(true);

        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        // The first finding is slow to report, so that later blocks reach their second pass first.
        Learning inTurns = new Learning(registry(knownSecrets), 50);
        ParallelRedactor parallel = new ParallelRedactor(rules, inTurns, StandardCharsets.UTF_8, workers, blockSize);
        parallel.copy(new ByteArrayInputStream(input), actual);
        assertEquals(sequential.learnedInOrder, inTurns.learnedInOrder, "secrets learned in another order");

        String output = actual.toString("UTF-8");
        String want = expected.toString("UTF-8");
        int at = 0;
        while (at < Math.min(want.length(), output.length()) && want.charAt(at) == output.charAt(at)) {
            at++;
        }
        assertEquals(want.length(), at, "block size " + blockSize + ", " + workers + " workers: differs at " + at
                + ": expected …" + want.substring(at, Math.min(want.length(), at + 80)) + "… but was …"
                + output.substring(at, Math.min(output.length(), at + 80)) + "…");
        assertEquals(want.length(), output.length());
        if (knownSecrets) {
            assertFalse(output.contains(ENV_SECRET));
        }
        return new Run(output, parallel.blocksAhead(), parallel.blocksInOrder());
    }

    /** The known secrets, noting each newly learned value in the order learned; the first may come late. */
    private static final class Learning implements LiteralSource {
        private final SecretRegistry registry;
        private long firstDelayMillis;
        final List<String> learnedInOrder = new ArrayList<>();

        Learning(SecretRegistry registry, long firstDelayMillis) {
            this.registry = registry;
            this.firstDelayMillis = firstDelayMillis;
        }

        @Override
        public LiteralSet current(Charset charset) {
            return registry.current(charset);
        }

        @Override
        public synchronized void learned(String ruleId, String value) {
            if (firstDelayMillis > 0) {
                try {
                    Thread.sleep(firstDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                firstDelayMillis = 0;
            }
            int before = registry.size();
            registry.learned(ruleId, value);
            if (registry.size() > before) {
                learnedInOrder.add(ruleId + "=" + value);
            }
        }
    }

    private static SecretRegistry registry(boolean knownSecrets) {
        SecretRegistry registry = new SecretRegistry(6, 1000, 256 * 1024);
        if (knownSecrets) {
            registry.register(KnownSecret.of(KnownSecret.Source.ENV, "DEPLOY_TOKEN", ENV_SECRET));
            registry.register(KnownSecret.of(KnownSecret.Source.ENV, "PASSPHRASE", SPACED_SECRET));
        }
        return registry;
    }

    private static final class Run {
        final String output;
        final int ahead;
        final int inOrder;

        Run(String output, int ahead, int inOrder) {
            this.output = output;
            this.ahead = ahead;
            this.inOrder = inOrder;
        }
    }
}
