package dev.logredact.match;

import dev.logredact.mask.Redactor;
import dev.logredact.rules.RuleSet;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.rules.StreamKeywords;
import dev.logredact.stream.StreamMasker;
import dev.logredact.stream.LiteralSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A text the check clears is one no rule of the set can see: it must agree with the keyword automaton
 * exactly (an escape byte aside, which it counts as a hit), and then the masker writes it unchanged.
 */
class KeywordFreeTextTest {
    private static final RuleSet DEFAULTS = RuleSetLoader.defaults();
    private static final KeywordFreeText CHECK = KeywordFreeText.of(StreamKeywords.of(DEFAULTS));
    private static final PatternScanner SCANNER = new PatternScanner(DEFAULTS);
    private static final List<String> KEYWORDS = new ArrayList<>();

    static {
        for (byte[] k : StreamKeywords.of(DEFAULTS)) {
            KEYWORDS.add(new String(k, StandardCharsets.UTF_8));
        }
    }

    @Test
    void agreesWithTheAutomatonOnTextFullOfKeywordsAndTheirNeighbours() {
        Random random = new Random(42);
        int cleared = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] text = randomText(random);
            boolean hit = SCANNER.mayContainSecrets(text, 0, text.length);
            boolean escape = new String(text, StandardCharsets.ISO_8859_1).indexOf('\u001b') >= 0;
            boolean clear = CHECK.holds(text, 0, text.length);
            assertEquals(!hit && !escape, clear, () -> new String(text, StandardCharsets.UTF_8));
            cleared += clear ? 1 : 0;
        }
        // Neither answer may be (nearly) the only one, or the comparison says little.
        assertTrue(cleared > 2_000 && cleared < 18_000, "cleared " + cleared);
    }

    @Test
    void whatItClearsTheMaskerWritesUnchanged() throws Exception {
        Redactor rules = Redactor.builder(DEFAULTS).build();
        Random random = new Random(7);
        int checked = 0;
        for (int n = 0; n < 3_000; n++) {
            byte[] text = randomText(random);
            if (!CHECK.holds(text, 0, text.length)) {
                continue;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StreamMasker masker = new StreamMasker(rules, NO_SECRETS, StandardCharsets.UTF_8, out,
                    StreamMasker.RedactionSink.NONE);
            masker.write(text, 0, text.length);
            masker.releaseAll(true);
            assertArrayEquals(text, out.toByteArray(), () -> new String(text, StandardCharsets.UTF_8));
            checked++;
        }
        assertTrue(checked > 300, "checked " + checked);
    }

    @Test
    void keywordsAreFoundInAnyAsciiCaseAndCutOnesAreNot() {
        assertFalse(holds("export GITHUB_TOKEN=x\n"));
        assertFalse(holds("AKIA at the end"));
        assertFalse(holds("text\u001b[31mred\n"));
        assertTrue(holds("Hello, world\n"));
        assertTrue(holds("caf\u00e9 \u2615\n"));
        // Each keyword without its last byte is not that keyword (it may still be another one).
        for (byte[] k : StreamKeywords.of(DEFAULTS)) {
            byte[] cut = java.util.Arrays.copyOf(k, k.length - 1);
            assertEquals(!SCANNER.mayContainSecrets(cut, 0, cut.length), CHECK.holds(cut, 0, cut.length));
        }
    }

    private static boolean holds(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return CHECK.holds(b, 0, b.length);
    }

    private static final LiteralSource NO_SECRETS = new LiteralSource() {
        @Override
        public LiteralSet current(java.nio.charset.Charset charset) {
            return LiteralSet.EMPTY;
        }

        @Override
        public void learned(String ruleId, String value) {
        }
    };

    /**
     * Build-log words, keywords and parts of them in random case, escape bytes and non-ASCII letters, so
     * that hits, near misses and clean text all come up.
     */
    private static byte[] randomText(Random random) {
        String[] plain = {"[INFO] ", "Building ", "jar ", "BUILD SUCCESS", "\n", " ", "Tests run: 3", "caf\u00e9 ",
                "\u2615", "com.example.", "=", ":", "/", "-", "_", "0x1F", "\r\n", "\u001b[0m"};
        StringBuilder sb = new StringBuilder();
        int parts = 1 + random.nextInt(6);
        for (int p = 0; p < parts; p++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                String s = plain[random.nextInt(plain.length)];
                // Escape sequences only now and then, or few texts would clear.
                sb.append(s.startsWith("\u001b") && random.nextInt(4) > 0 ? "" : s);
            } else {
                String k = KEYWORDS.get(random.nextInt(KEYWORDS.size()));
                if (kind < 8 && k.length() > 1) {
                    k = k.substring(random.nextInt(k.length() - 1) + 1);
                }
                StringBuilder cased = new StringBuilder();
                for (char c : k.toCharArray()) {
                    cased.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
                }
                sb.append(cased);
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
