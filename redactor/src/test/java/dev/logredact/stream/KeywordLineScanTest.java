package dev.logredact.stream;

import dev.logredact.mask.Redactor;
import dev.logredact.rules.Rule;
import dev.logredact.rules.RuleLoadException;
import dev.logredact.rules.RuleSet;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.testing.CompatRules;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte-level line scan, which steps over bytes where no keyword begins, sends the rules every line
 * in which the rules' own keyword search finds a keyword: whatever the case, the neighbours, the line
 * ends and where the writes split the text.
 */
class KeywordLineScanTest {

    @Test
    void propertyEveryKeywordOfGitleaksRulesIsSeenWhereverItStands() throws IOException, RuleLoadException {
        List<String> keywords = new ArrayList<>();
        for (Rule r : CompatRules.ruleSet().rules()) {
            keywords.addAll(r.keywords());
        }
        Set<String> distinct = new LinkedHashSet<>(keywords);
        assertEveryKeywordIsSeen(distinct, "abcdefghijklmnopqrstuvwxyzABCXYZ_-./:= \t\r", 5);
    }

    /**
     * Keywords of one to four characters over more distinct bytes than the scan's 64 codes for three-byte
     * windows (so that codes are shared), some beyond ASCII, in text made of their own bytes.
     */
    @Test
    void propertyKeywordsOfAnyLengthOverManyDistinctBytesAreSeen() throws IOException, RuleLoadException {
        // Beyond ASCII only characters without case: the byte scan folds ASCII letters only.
        String bytes = "!#$%&()*+,-./0123456789:;<=>?@[]^_`{|}~abcdefghijklmnopqrstuvwxyz\u00bf\u20ac\u65e5";
        Set<String> keywords = new LinkedHashSet<>(Arrays.asList("~", "\u65e5"));
        Random random = new Random(17);
        while (keywords.size() < 120) {
            StringBuilder k = new StringBuilder();
            for (int n = 2 + random.nextInt(3); n > 0; n--) {
                k.append(bytes.charAt(random.nextInt(bytes.length())));
            }
            if (k.indexOf("\'") < 0) {
                keywords.add(k.toString());
            }
        }
        assertEveryKeywordIsSeen(keywords, bytes + " \t\r", 9);
    }

    /**
     * One rule per keyword that masks the keyword and two characters on each side, whatever they are: a
     * line the scan misses keeps its keyword unmasked, and two lines it joins are masked across their end.
     */
    private static void assertEveryKeywordIsSeen(Set<String> distinct, String filler, int seed)
            throws IOException, RuleLoadException {
        StringBuilder toml = new StringBuilder();
        int id = 0;
        for (String keyword : distinct) {
            toml.append("[[rules]]\nid = \"k").append(id++).append("\"\nregex = '''(?s:.){0,2}(?i:")
                    .append(com.google.re2j.Pattern.quote(keyword)).append(")(?s:.){0,2}'''\nkeywords = ['''")
                    .append(keyword).append("''']\n\n");
        }
        RuleSet rules = RuleSetLoader.parse(toml.toString(), "keywords.toml");
        assertEquals(distinct.size(), rules.rules().size(), rules.problems().toString());
        Redactor redactor = Redactor.builder(rules).mask("<<<{rule}>").build();

        Random random = new Random(seed);
        List<String> pool = new ArrayList<>(distinct);
        for (int trial = 0; trial < 300; trial++) {
            StringBuilder text = new StringBuilder();
            for (int part = 0; part < 30; part++) {
                appendRandom(text, filler, random.nextInt(6), random);
                if (random.nextInt(3) == 0) {
                    text.append(randomCase(pool.get(random.nextInt(pool.size())), random));
                }
                if (random.nextInt(5) == 0) {
                    text.append(random.nextBoolean() ? "\n" : "\r\n");
                }
            }
            assertMaskedAsLines(redactor, text.toString(), random, 6, trial);
        }
    }

    /**
     * Hits of a keyword that a rule requires inside a literal of one spelling ({@code sk} in twilio's
     * {@code SK…}) send a line to the rules only at that literal; whatever the case of the other hits,
     * the literal's place in the line and the writes' split, the output is what the rules give per line.
     */
    @Test
    void propertyKeywordsOutsideTheirRulesLiteralsNeverHideAFinding() throws IOException {
        RuleSet rules = CompatRules.ruleSet();
        Redactor redactor = Redactor.builder(rules).mask("<<<{rule}>").build();
        List<String> pieces = new ArrayList<>();
        for (Rule r : rules.rules()) {
            String literal = r.hasRegex() && !r.regexSource().startsWith("(?i)")
                    ? com.google.re2j.MatchProbe.requiredLiteral(r.regexSource()) : null;
            for (String keyword : r.keywords()) {
                if (literal != null && literal.toLowerCase(Locale.ROOT).contains(keyword.toLowerCase(Locale.ROOT))) {
                    pieces.add(literal);
                    pieces.add(keyword);
                }
            }
        }
        assertTrue(pieces.contains("SK"), pieces.toString());
        Random random = new Random(23);
        String hex = "0123456789abcdefABCDEF";
        String filler = "xyz_-./:=\"' \t[]";
        for (int trial = 0; trial < 400; trial++) {
            StringBuilder text = new StringBuilder();
            for (int part = 0; part < 20; part++) {
                appendRandom(text, filler, random.nextInt(4), random);
                String piece = pieces.get(random.nextInt(pieces.size()));
                text.append(random.nextInt(3) == 0 ? randomCase(piece, random) : piece);
                appendRandom(text, hex, random.nextInt(3) == 0 ? 0 : 30 + random.nextInt(12), random);
                if (random.nextInt(4) == 0) {
                    text.append(random.nextBoolean() ? "\n" : "\r\n");
                }
            }
            // Many splits: a literal cut by one is decided only when the rest of it arrives.
            assertMaskedAsLines(redactor, text.toString(), random, 60, trial);
        }
    }

    /**
     * Keywords that stand in words ({@code s.} in {@code plugins.}) beside rules that need a word
     * boundary, a line's end or a separator around them, or that allow a run of letters before them:
     * with gitleaks' rules and such rules, whatever the neighbours, line ends (including a last lone
     * {@code \r}) and splits, the output is what the rules give per line.
     */
    @Test
    void propertyKeywordsInWordsBesideBoundariesAndLineEndsMaskAsLines() throws IOException, RuleLoadException {
        String extra = "[[rules]]\nid = \"dollar\"\nregex = '''\\b(?:ab\\.|cd\\.)[0-9]{3}$'''\nkeywords = [\"ab.\", \"cd.\"]\n\n"
                + "[[rules]]\nid = \"bounded\"\nregex = '''(?:^|[\\s=])(zz\\.[a-z]{2,4}|yy\\.[0-9]{2})\\b'''\n"
                + "keywords = [\"zz.\", \"yy.\"]\n\n"
                + "[[rules]]\nid = \"wide\"\nregex = '''\\b((?:ww|vv)\\.\\S{3})(?:\\s|$)'''\nkeywords = [\"ww\", \"vv\"]\n\n"
                + "[[rules]]\nid = \"prefixed\"\nregex = '''(?:^|[\\s=])([a-z]{0,6}(?:qq|jj)\\.[0-9]{2})\\b'''\n"
                + "keywords = [\"qq\", \"jj\"]\n";
        List<Rule> all = new ArrayList<>(CompatRules.ruleSet().rules());
        all.addAll(RuleSetLoader.parse(extra, "extra.toml").rules());
        Redactor redactor = Redactor.builder(new RuleSet(all, Collections.emptyList(), Collections.emptyList()))
                .mask("<<<{rule}>").build();
        Random random = new Random(41);
        String word = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        String[] before = {"plugins", "tests", " ", "=", "\"", "x", "\u00e9", "hv", "(", "", " abc"};
        String[] keywords = {"s.", "S.", "hvs.", "ab.", "cd.", "zz.", "yy.", "s.s.", "ww.", "vv.", "qq.", "abcjj."};
        String[] alphabets = {word, "0123456789", "a\u00e91"};
        String[] after = {" ", ";", "'", "\"", "\\n", "\u00e9", ".", "-", "", "\n", "\r\n", "\r"};
        StringBuilder masked = new StringBuilder();
        for (int trial = 0; trial < 400; trial++) {
            StringBuilder text = new StringBuilder();
            for (int part = 0; part < 25; part++) {
                text.append(before[random.nextInt(before.length)]).append(keywords[random.nextInt(keywords.length)]);
                // Lengths that the rules' tokens have, and others.
                int[] lengths = {2, 3, 4, 24, 24, 90 + random.nextInt(32), random.nextInt(30)};
                appendRandom(text, alphabets[random.nextInt(alphabets.length)], lengths[random.nextInt(lengths.length)], random);
                text.append(after[random.nextInt(after.length)]);
                // Mostly one hit a line: a hit missed is then the line's only reason to be seen.
                if (random.nextBoolean()) {
                    text.append(random.nextBoolean() ? "\n" : random.nextBoolean() ? "\r\n" : "\r");
                }
            }
            masked.append(assertMaskedAsLines(redactor, text.toString(), random, 40, trial));
        }
        // The texts must hold matches of these rules, or this proves little.
        for (String rule : new String[] {"vault-service-token", "dollar", "bounded", "wide", "prefixed"}) {
            int n = masked.toString().split("<<<" + rule + ">", -1).length - 1;
            assertTrue(n > 10, n + " masks of " + rule);
        }
    }

    private static void appendRandom(StringBuilder text, String alphabet, int n, Random random) {
        for (int i = 0; i < n; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
    }

    /**
     * The text written in pieces (fewer than {@code maxCuts} random splits) masks as its lines do one by
     * one; returns the masked text.
     */
    private static String assertMaskedAsLines(Redactor redactor, String text, Random random, int maxCuts, int trial)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<Integer> cuts = new ArrayList<>();
        for (int i = random.nextInt(maxCuts); i > 0; i--) {
            cuts.add(random.nextInt(bytes.length + 1));
        }
        Collections.sort(cuts);
        String expected = expected(redactor, text);
        assertEquals(expected, masked(redactor, bytes, cuts), "trial " + trial);
        return expected;
    }

    /**
     * A line whose only keyword hit no rule's match can hold ({@code sk} in {@code task}, for a rule that
     * needs {@code SK}) still opens a private key block, as any line with a keyword does: a key whose
     * END line never comes is then masked line by line.
     */
    @Test
    void aKeywordThatNoMatchCanHoldStillLetsAKeyBlockOpen() throws IOException, RuleLoadException {
        RuleSet rules = RuleSetLoader.parse("[[rules]]\nid = \"twilio-api-key\"\nregex = 'SK[0-9a-fA-F]{32}'\n"
                + "keywords = [\"sk\"]\n", "twilio.toml");
        Redactor redactor = Redactor.builder(rules).mask("<<<{rule}>").build();
        Random random = new Random(31);
        String base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder text = new StringBuilder("task: -----BEGIN RSA PRIVATE KEY-----\n");
        for (int line = 0; line < 6; line++) {
            appendRandom(text, base64, 64, random);
            text.append('\n');
        }
        String masked = masked(redactor, text.toString().getBytes(StandardCharsets.UTF_8), Collections.emptyList());
        assertEquals(6, masked.split("<<<private-key>", -1).length - 1, masked);
    }

    /** Each line masked on its own by the rules, which search for keywords themselves. */
    private static String expected(Redactor redactor, String text) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length() || text.charAt(i) == '\n'
                    || text.charAt(i) == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n');
            if (end) {
                // A line ends before its \r\n, as the masker cuts it.
                int contentEnd = i < text.length() && text.charAt(i) == '\n' && i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                out.append(redactor.redactLine(text.substring(start, contentEnd)));
                out.append(text, contentEnd, Math.min(i + 1, text.length()));
                start = i + 1;
            }
        }
        return out.toString();
    }

    private static String masked(Redactor redactor, byte[] bytes, List<Integer> cuts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamMasker m = new StreamMasker(redactor, LiteralSource.NONE, StandardCharsets.UTF_8, out,
                StreamMasker.RedactionSink.NONE);
        int at = 0;
        for (int cut : cuts) {
            m.write(bytes, at, cut - at);
            at = cut;
        }
        m.write(bytes, at, bytes.length - at);
        m.releaseAll(true);
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static String randomCase(String keyword, Random random) {
        StringBuilder sb = new StringBuilder();
        for (char c : keyword.toCharArray()) {
            sb.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return random.nextInt(4) == 0 ? sb.toString().toUpperCase(Locale.ROOT) : sb.toString();
    }
}
