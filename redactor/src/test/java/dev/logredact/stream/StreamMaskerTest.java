package dev.logredact.stream;

import dev.logredact.mask.Span;
import dev.logredact.mask.Redactor;
import dev.logredact.rules.RuleSet;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.testing.FakeSecrets;
import dev.logredact.testing.PlainLiterals;
import org.junit.jupiter.api.Test;

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

/** The stream guarantees of the masking layer, tested at every split of every case. */
class StreamMaskerTest {
    private static final Redactor RULES = Redactor.builder(RuleSetLoader.defaults()).build();
    private static final Redactor NO_RULES = Redactor.builder(RuleSet.EMPTY).build();
    private static final String PAT = new FakeSecrets(21).githubPat();

    /** Feeds {@code input} in the given pieces, flushing after each, then ends the stream. */
    private static String run(PlainLiterals literals, Charset charset, byte[] input, int... cuts) throws IOException {
        return run(RULES, literals, charset, input, cuts);
    }

    private static String run(Redactor rules, PlainLiterals literals, Charset charset, byte[] input, int... cuts)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamMasker m = new StreamMasker(rules, literals, charset, out, StreamMasker.RedactionSink.NONE);
        int at = 0;
        for (int cut : cuts) {
            m.write(input, at, cut - at);
            m.flush();
            at = cut;
        }
        m.write(input, at, input.length - at);
        m.releaseAll(true);
        return new String(out.toByteArray(), charset);
    }

    private static void assertEverySplit(PlainLiterals literals, String input, String expected) throws IOException {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, run(literals, StandardCharsets.UTF_8, bytes), "unsplit");
        for (int i = 0; i <= bytes.length; i++) {
            assertEquals(expected, run(literals, StandardCharsets.UTF_8, bytes, i), "split at " + i);
        }
        int[] everyByte = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            everyByte[i] = i;
        }
        assertEquals(expected, run(literals, StandardCharsets.UTF_8, bytes, everyByte), "byte by byte");
    }

    /** A known secret that a rule finds too is named for the known secret, however the writes broke. */
    @Test
    void aKnownSecretARuleAlsoFindsIsNamedForTheKnownSecretAtEverySplit() throws IOException {
        PlainLiterals literals = new PlainLiterals().add("DEPLOY_TOKEN", PAT);
        assertEverySplit(literals, "{\"token\":\"" + PAT + "\"}\n", "{\"token\":\"[REDACTED:env:DEPLOY_TOKEN]\"}\n");
    }

    @Test
    void aKnownSecretIsMaskedAtEverySplit() throws IOException {
        PlainLiterals l = new PlainLiterals().add("DB_PASSWORD", "hunter2-correct-horse");
        assertEverySplit(l, "login with hunter2-correct-horse ok\n", "login with [REDACTED:env:DB_PASSWORD] ok\n");
    }

    @Test
    void aSecretThatRepeatsItsOwnPrefixIsFoundWhenSplitInsideTheRepeat() throws IOException {
        PlainLiterals l = new PlainLiterals().add("ID", "11112222");
        assertEquals("id=[REDACTED:env:ID]", run(l, StandardCharsets.UTF_8, "id=11112222".getBytes(StandardCharsets.UTF_8), 6));
        assertEverySplit(l, "id=111112222 and 11112222\n", "id=1[REDACTED:env:ID] and [REDACTED:env:ID]\n");
    }

    @Test
    void overlappingAndNestedSecretsBecomeOneMaskWithNoPartLeft() throws IOException {
        PlainLiterals l = new PlainLiterals().add("A", "abcdef12").add("B", "ef12ghij").add("C", "cdef");
        assertEverySplit(l, "x abcdef12ghij y\n", "x [REDACTED:env:A] y\n");
    }

    @Test
    void secretsAtTheVeryStartAndEndWithoutANewline() throws IOException {
        PlainLiterals l = new PlainLiterals().add("S", "s3cr3t-value");
        assertEverySplit(l, "s3cr3t-value", "[REDACTED:env:S]");
        assertEverySplit(l, "s3cr3t-value middle s3cr3t-value", "[REDACTED:env:S] middle [REDACTED:env:S]");
    }

    @Test
    void ruleFindingsAndKnownSecretsShareOneMaskWhenTheyOverlap() throws IOException {
        PlainLiterals l = new PlainLiterals().add("GH", PAT.substring(10));
        assertEverySplit(l, "token " + PAT + " end\r\n", "token [REDACTED:github-pat] end\r\n");
    }

    @Test
    void colourCodesInsideASecretAreMaskedWithItAndCodesOutsideAreKept() throws IOException {
        PlainLiterals l = new PlainLiterals().add("S", "topsecretvalue");
        assertEverySplit(l, "\u001b[32mkey: top\u001b[1msecret\u001b[0mvalue\u001b[0m done\n",
                "\u001b[32mkey: [REDACTED:env:S]\u001b[0m done\n");
        assertEverySplit(l, "\u001b[31mghp_x " + PAT + "\u001b[0m\n", "\u001b[31mghp_x [REDACTED:github-pat]\u001b[0m\n");
    }

    /**
     * Escape codes come and go between plain lines, and a CSI left open swallows a line end and hides
     * the start of a secret after bytes holding its ESC are gone; with and without rules (no rules is
     * the line scan that only looks for the last line end).
     */
    @Test
    void secretsAroundColourCodesAreMaskedAtEverySplitWithAndWithoutRules() throws IOException {
        PlainLiterals l = new PlainLiterals().add("S", "tok-secret-1");
        String input = "a tok-secret-1 b\n\u001b[31mred tok-secret-1\u001b[0m\nplain\ttok-secret-1\r\n"
                + "ab\u001b[12\n34tok-secret-1 z\ntok-secret-1\rend tok-secret-1";
        String expected = "a [REDACTED:env:S] b\n\u001b[31mred [REDACTED:env:S]\u001b[0m\nplain\t[REDACTED:env:S]\r\n"
                + "ab\u001b[12\n34tok-secret-1 z\n[REDACTED:env:S]\rend [REDACTED:env:S]";
        for (Redactor rules : new Redactor[] {RULES, NO_RULES}) {
            byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
            assertEquals(expected, run(rules, l, StandardCharsets.UTF_8, bytes), "unsplit");
            for (int i = 0; i <= bytes.length; i++) {
                assertEquals(expected, run(rules, l, StandardCharsets.UTF_8, bytes, i), "split at " + i);
                for (int j = i; j <= bytes.length; j += 7) {
                    assertEquals(expected, run(rules, l, StandardCharsets.UTF_8, bytes, i, j), "split at " + i + ", " + j);
                }
            }
        }
    }

    @Test
    void aMultiLineSecretIsFoundWhateverWhitespaceSeparatesItsLines() throws IOException {
        PlainLiterals l = new PlainLiterals().add("CERT", "line-one-abc\nline-two-def");
        assertEverySplit(l, "a line-one-abc\r\n    line-two-def b\n", "a [REDACTED:env:CERT] b\n");
        assertEverySplit(l, "a line-one-abc line-two-def b\n", "a [REDACTED:env:CERT] b\n");
    }

    @Test
    void aSecretRegisteredLaterAppliesToBytesStillHeld() throws IOException {
        PlainLiterals l = new PlainLiterals();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamMasker m = new StreamMasker(RULES, l, StandardCharsets.UTF_8, out, StreamMasker.RedactionSink.NONE);
        byte[] first = "fetched token tok-123456789".getBytes(StandardCharsets.UTF_8);
        m.write(first, 0, first.length);
        m.flush();
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        l.add("VAULT_TOKEN", "tok-123456789");
        byte[] rest = " for deploy\n".getBytes(StandardCharsets.UTF_8);
        m.write(rest, 0, rest.length);
        assertEquals("fetched token [REDACTED:env:VAULT_TOKEN] for deploy\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onlyBytesThatMayBeginASecretAreHeldPastALineEnd() throws IOException {
        PlainLiterals l = new PlainLiterals().add("S", "abcdefgh");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamMasker m = new StreamMasker(RULES, l, StandardCharsets.UTF_8, out, StreamMasker.RedactionSink.NONE);
        byte[] b = "done\nxyz abcd".getBytes(StandardCharsets.UTF_8);
        m.write(b, 0, b.length);
        m.flush();
        assertEquals("done\n", out.toString(StandardCharsets.UTF_8));
        m.releaseAll(false);
        assertEquals("done\nxyz ", out.toString(StandardCharsets.UTF_8));
        assertEquals(4, m.held());
        m.releaseAll(true);
        assertEquals("done\nxyz abcd", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void charsetsOtherThanUtf8AreMaskedInTheirOwnEncoding() throws IOException {
        PlainLiterals l = new PlainLiterals().add("S", "pässwörd-42");
        for (Charset cs : new Charset[] {StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"), StandardCharsets.UTF_8}) {
            byte[] input = "é pässwörd-42 ü\n".getBytes(cs);
            for (int i = 0; i <= input.length; i++) {
                assertEquals("é [REDACTED:env:S] ü\n", run(l, cs, input, i), cs + " split " + i);
            }
        }
        byte[] ascii = "x pässwörd-42\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals("x [REDACTED:env:S]\n", run(l, StandardCharsets.US_ASCII, ascii));
    }

    @Test
    void eachMaskIsReportedOnceWithItsKindAndFingerprint() throws IOException {
        PlainLiterals l = new PlainLiterals().add("NPM_TOKEN", "npm-value-0123456");
        List<Span> heard = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamMasker m = new StreamMasker(RULES, l, StandardCharsets.UTF_8, out, heard::add);
        byte[] b = ("a npm-value-0123456 b " + PAT + "\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            m.write(b, i, 1);
            m.flush();
        }
        m.releaseAll(true);
        assertEquals(2, heard.size());
        assertEquals("env:NPM_TOKEN", heard.get(0).label());
        assertEquals("NPM_TOKEN", heard.get(0).secretName());
        assertEquals("literal", heard.get(0).kind().label());
        assertEquals(RULES.fingerprinter().fingerprint("npm-value-0123456"), heard.get(0).fingerprint());
        assertEquals("github-pat", heard.get(1).label());
        assertEquals("pattern", heard.get(1).kind().label());
    }

    @Test
    void propertyRandomTextWithSecretsAndRandomSplitsMasksEveryOccurrence() throws IOException {
        Random random = new Random(99);
        FakeSecrets fake = new FakeSecrets(100);
        for (int trial = 0; trial < 400; trial++) {
            PlainLiterals l = new PlainLiterals();
            List<String> secrets = new ArrayList<>();
            int n = 1 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                String s = "k" + i + "-" + fake.token("abcdefghijklmnopqrstuvwxyz0123456789", 8 + random.nextInt(20));
                secrets.add(s);
                l.add("S" + i, s);
            }
            StringBuilder text = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            for (int part = 0; part < 20; part++) {
                String noise = fake.noise(random.nextInt(6)).replace("key", "k").replace("token", "t")
                        .replace("password", "p").replace("secret", "s").replace("auth", "a").replace("access", "x");
                text.append(noise);
                expected.append(noise);
                if (random.nextInt(3) == 0) {
                    int which = random.nextInt(n);
                    text.append(' ').append(secrets.get(which)).append(' ');
                    expected.append(' ').append("[REDACTED:env:S").append(which).append("] ");
                }
                String end = random.nextInt(4) == 0 ? "\r\n" : random.nextInt(3) == 0 ? "\n" : "";
                text.append(end);
                expected.append(end);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            int cuts = random.nextInt(12);
            int[] at = new int[cuts];
            for (int i = 0; i < cuts; i++) {
                at[i] = random.nextInt(bytes.length + 1);
            }
            java.util.Arrays.sort(at);
            String masked = run(l, StandardCharsets.UTF_8, bytes, at);
            assertEquals(expected.toString(), masked, "trial " + trial);
            assertEquals(masked, run(NO_RULES, l, StandardCharsets.UTF_8, bytes, at), "trial " + trial + ", no rules");
            for (String s : secrets) {
                assertFalse(masked.contains(s));
            }
        }
    }

    @Test
    void propertyEncodedFormsOfRegisteredSecretsAreMaskedAtAnySplit() throws IOException {
        Random random = new Random(7);
        FakeSecrets fake = new FakeSecrets(8);
        for (int trial = 0; trial < 200; trial++) {
            dev.logredact.secrets.SecretRegistry registry = new dev.logredact.secrets.SecretRegistry(6, 0, 0);
            String value = fake.token("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 12 + random.nextInt(20))
                    + (random.nextBoolean() ? "/+&=" : "\"'<>");
            registry.register(dev.logredact.secrets.KnownSecret.of(dev.logredact.secrets.KnownSecret.Source.ENV, "S", value));
            String[] encoded = {
                value,
                java.util.Base64.getEncoder().encodeToString(("user:" + value).getBytes(StandardCharsets.UTF_8)),
                java.util.Base64.getUrlEncoder().encodeToString(("x" + value + "y").getBytes(StandardCharsets.UTF_8)),
                java.net.URLEncoder.encode(value, "UTF-8"),
                value.replace("\\", "\\\\").replace("\"", "\\\""),
                value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"),
            };
            StringBuilder text = new StringBuilder();
            for (int part = 0; part < 6; part++) {
                text.append(fake.noise(random.nextInt(4)).replace("key", "k").replace("token", "t")
                        .replace("password", "p").replace("secret", "s").replace("auth", "a").replace("access", "x"));
                text.append(" ").append(encoded[random.nextInt(encoded.length)]).append(" ");
                text.append(random.nextBoolean() ? "\n" : "");
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            int[] cuts = new int[random.nextInt(10)];
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = random.nextInt(bytes.length + 1);
            }
            java.util.Arrays.sort(cuts);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StreamMasker m = new StreamMasker(RULES, registry, StandardCharsets.UTF_8, out, StreamMasker.RedactionSink.NONE);
            int at = 0;
            for (int cut : cuts) {
                m.write(bytes, at, cut - at);
                m.flush();
                at = cut;
            }
            m.write(bytes, at, bytes.length - at);
            m.releaseAll(true);
            String masked = out.toString(StandardCharsets.UTF_8);
            for (String form : encoded) {
                // A base64 form inside larger base64 may keep up to two edge characters; the rest must go.
                String core = form.length() > 8 ? form.substring(2, form.length() - 2) : form;
                assertFalse(masked.contains(core), "trial " + trial + ": " + core + " left in " + masked);
            }
        }
    }
}
