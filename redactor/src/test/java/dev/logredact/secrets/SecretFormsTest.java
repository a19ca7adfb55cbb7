package dev.logredact.secrets;

import dev.logredact.testing.FakeSecrets;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretFormsTest {
    private static final String SPECIAL = "p@ss w0rd'\"$&<>/\\é";

    private static Map<String, String> forms(String value, int minLength) {
        Map<String, String> byText = new LinkedHashMap<>();
        for (SecretForm form : SecretForms.of(KnownSecret.of(KnownSecret.Source.API, "test", value), minLength)) {
            assertEquals(null, byText.put(form.text(), form.variant()), "a text appears twice");
        }
        return byText;
    }

    private static void assertForm(Map<String, String> forms, String variant, String text) {
        assertEquals(variant, forms.get(text), text);
    }

    @Test
    void plainAndBase64() {
        Map<String, String> forms = forms(SPECIAL, 6);
        assertEquals(SPECIAL, forms.keySet().iterator().next());
        assertForm(forms, SecretForm.PLAIN, SPECIAL);
        // Expected values computed independently with Python's base64 module.
        assertForm(forms, SecretForm.BASE64, "cEBzcyB3MHJkJyIkJjw+L1zDqQ==");
        assertForm(forms, SecretForm.BASE64, "cEBzcyB3MHJkJyIkJjw+L1zDqQ");
        assertForm(forms, SecretForm.BASE64, "cEBzcyB3MHJkJyIkJjw+L1zDq");
        assertForm(forms, SecretForm.BASE64, "BAc3MgdzByZCciJCY8Pi9cw6");
        assertForm(forms, SecretForm.BASE64, "wQHNzIHcwcmQnIiQmPD4vXMOp");
        assertForm(forms, SecretForm.BASE64URL, "cEBzcyB3MHJkJyIkJjw-L1zDqQ==");
        assertForm(forms, SecretForm.BASE64URL, "cEBzcyB3MHJkJyIkJjw-L1zDqQ");
        assertForm(forms, SecretForm.BASE64URL, "cEBzcyB3MHJkJyIkJjw-L1zDq");
    }

    @Test
    void url() {
        Map<String, String> forms = forms(SPECIAL, 6);
        assertForm(forms, SecretForm.URL, "p%40ss%20w0rd%27%22%24%26%3C%3E%2F%5C%C3%A9");
        assertForm(forms, SecretForm.URL, "p%40ss%20w0rd%27%22%24%26%3c%3e%2f%5c%c3%a9");
        assertForm(forms, SecretForm.URL, "p%40ss+w0rd%27%22%24%26%3C%3E%2F%5C%C3%A9");
        assertForm(forms, SecretForm.URL, "p%40ss+w0rd%27%22%24%26%3c%3e%2f%5c%c3%a9");
        assertForm(forms, SecretForm.URL, "p%40ss%20w0rd'%22%24%26%3C%3E%2F%5C%C3%A9");
        assertForm(forms, SecretForm.URL, "p%40ss%20w0rd%27%22%24%26%3C%3E/%5C%C3%A9");
        Map<String, String> dialects = forms("J*va~1x", 6);
        assertForm(dialects, SecretForm.URL, "J%2Ava~1x");
        assertForm(dialects, SecretForm.URL, "J*va%7E1x");
    }

    @Test
    void json() {
        Map<String, String> forms = forms(SPECIAL, 6);
        assertForm(forms, SecretForm.JSON, "p@ss w0rd'\\\"$&<>/\\\\é");
        assertForm(forms, SecretForm.JSON, "p@ss w0rd'\\\"$&<>\\/\\\\é");
        assertForm(forms, SecretForm.JSON, "p@ss w0rd'\\\"$&<>/\\\\\\u00e9");
        assertForm(forms, SecretForm.JSON, "p@ss w0rd'\\\"$&<>/\\\\\\u00E9");
        assertForm(forms, SecretForm.JSON, "p@ss w0rd'\\\"$&<>\\/\\\\\\u00e9");
        // Gson's default, HTML-safe.
        assertForm(forms, SecretForm.JSON, "p@ss w0rd\\u0027\\\"$\\u0026\\u003c\\u003e/\\\\é");
        Map<String, String> controls = forms("tab\there\u0001nl\nend=", 6);
        assertForm(controls, SecretForm.JSON, "tab\\there\\u0001nl\\nend=");
        assertForm(controls, SecretForm.JSON, "tab\\there\\u0001nl\\nend\\u003d");
        assertForm(controls, SecretForm.JSON, "tab\\there\\u0001nl\\nend\\u003D");
        assertForm(forms("emoji\uD83D\uDE00x", 6), SecretForm.JSON, "emoji\\ud83d\\ude00x");
    }

    @Test
    void xml() {
        Map<String, String> forms = forms(SPECIAL, 6);
        assertForm(forms, SecretForm.XML, "p@ss w0rd&apos;&quot;$&amp;&lt;&gt;/\\é");
        assertForm(forms, SecretForm.XML, "p@ss w0rd&#39;&quot;$&amp;&lt;&gt;/\\é");
        assertForm(forms, SecretForm.XML, "p@ss w0rd&#039;&quot;$&amp;&lt;&gt;/\\é");
        assertForm(forms, SecretForm.XML, "p@ss w0rd&#x27;&quot;$&amp;&lt;&gt;/\\é");
        assertForm(forms, SecretForm.XML, "p@ss w0rd&#39;&#34;$&amp;&lt;&gt;/\\é");
        assertForm(forms, SecretForm.XML, "p@ss w0rd'\"$&amp;&lt;&gt;/\\é");
        assertForm(forms, SecretForm.XML, "p@ss w0rd'\"$&amp;&lt;>/\\é");
    }

    @Test
    void shell() {
        Map<String, String> forms = forms(SPECIAL, 6);
        assertForm(forms, SecretForm.SHELL, "p@ss w0rd'\\''\"$&<>/\\é");
        assertForm(forms, SecretForm.SHELL, "p@ss w0rd'\"'\"'\"$&<>/\\é");
        assertForm(forms, SecretForm.SHELL, "p@ss w0rd''\"$&<>/\\é");
        assertForm(forms, SecretForm.SHELL, "p@ss w0rd'\\\"\\$&<>/\\\\é");
        assertForm(forms, SecretForm.SHELL, "p@ss w0rd'\\\"$&<>/\\é");
        assertForm(forms, SecretForm.SHELL, "p@ss w0rd'\"$$&<>/\\é");
        assertForm(forms, SecretForm.SHELL, "p@ss w0rd'\"$^&^<^>/\\é");
        assertForm(forms, SecretForm.SHELL, "p@ss w0rd'\"$&<>/é");
        assertForm(forms("a^&b^^c(d)`e", 6), SecretForm.SHELL, "a&b^c(d)`e");
        assertForm(forms("a^&b^^c(d)`e", 6), SecretForm.SHELL, "a^^^&b^^^^c^(d^)`e");
        assertForm(forms("a^&b^^c(d)`e", 6), SecretForm.SHELL, "a^&b^^c(d)\\`e");
    }

    @Test
    void aValueWithoutSpecialCharactersHasOnlyPlainAndBase64Forms() {
        String token = new FakeSecrets(31).token("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 24);
        Set<String> variants = new HashSet<>(forms(token, 6).values());
        assertTrue(Set.of(SecretForm.PLAIN, SecretForm.BASE64, SecretForm.BASE64URL).containsAll(variants), variants::toString);
        assertTrue(variants.contains(SecretForm.PLAIN));
        assertTrue(variants.contains(SecretForm.BASE64));
    }

    @Test
    void formsShorterThanTheMinimumAreDroppedThePlainValueIncluded() {
        Map<String, String> forms = forms("aB3$dE", 8);
        assertFalse(forms.containsKey("aB3$dE"));
        assertFalse(forms.containsKey("aB3$$dE"));
        assertTrue(forms.containsKey("YUIzJGRF"));
        for (String text : forms.keySet()) {
            assertTrue(text.codePointCount(0, text.length()) >= 8, text);
        }
        assertEquals(Set.of("aB3$dE", "YUIzJGRF", "FCMyRkR", "hQjMkZE", "aB3%24dE", "aB3$$dE", "aB3\\$dE"),
                forms("aB3$dE", 6).keySet());
    }

    @Test
    void formsThatWouldBeRefusedAreDropped() {
        assertFalse(forms("\\1\\2\\3\\4\\5\\6", 6).containsKey("123456"));
        assertFalse(forms("\"ChangeMe\"", 6).containsKey("ChangeMe"));
        assertFalse(forms("\"ChangeMe\"", 6).containsKey("changeme"));
    }

    @Test
    void aQuotedValueIsAlsoMaskedWithoutItsQuotes() {
        assertForm(forms("\"Zq8vN2xLr5Tm\"", 6), SecretForm.UNQUOTED, "Zq8vN2xLr5Tm");
        assertForm(forms("' Zq8vN2xLr5Tm '", 6), SecretForm.UNQUOTED, "Zq8vN2xLr5Tm");
        assertFalse(forms("\"Zq8vN2xLr5Tm'", 6).containsValue(SecretForm.UNQUOTED));
    }

    @Test
    void multiLineValues() {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\r\n"
                + "  b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ  \r\n"
                + "\r\n"
                + "QyNTUxOQAAACDz0u9ZRXRmZ1YbUhFm\r\n"
                + "AAAA\r\n"
                + "-----END OPENSSH PRIVATE KEY-----";
        String joined = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"
                + "QyNTUxOQAAACDz0u9ZRXRmZ1YbUhFm\n"
                + "AAAA\n"
                + "-----END OPENSSH PRIVATE KEY-----";
        Map<String, String> forms = forms(key, 6);
        assertForm(forms, SecretForm.PLAIN, key);
        assertForm(forms, SecretForm.MULTILINE, joined);
        assertForm(forms, SecretForm.LINE, "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ");
        assertForm(forms, SecretForm.LINE, "QyNTUxOQAAACDz0u9ZRXRmZ1YbUhFm");
        assertFalse(forms.containsKey("AAAA"), "shorter than the minimum");
        assertFalse(forms.containsKey("-----BEGIN OPENSSH PRIVATE KEY-----"), "the same in every key");
        assertFalse(forms.containsKey("-----END OPENSSH PRIVATE KEY-----"), "the same in every key");
        // Encoded forms exist for the value as saved and as normalised.
        assertForm(forms, SecretForm.JSON, key.replace("\r\n", "\\r\\n"));
        assertForm(forms, SecretForm.JSON, joined.replace("\n", "\\n"));
        assertForm(forms, SecretForm.BASE64, Base64.getEncoder().encodeToString(joined.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aValueSavedWithLfOnlyNeedsNoMultilineForm() {
        Map<String, String> forms = forms("first-line-of-it\nsecond-line-of-it", 6);
        assertForm(forms, SecretForm.PLAIN, "first-line-of-it\nsecond-line-of-it");
        assertFalse(forms.containsValue(SecretForm.MULTILINE));
        assertForm(forms, SecretForm.LINE, "first-line-of-it");
        assertForm(forms, SecretForm.LINE, "second-line-of-it");
    }

    /**
     * Whatever precedes and follows the value, the base64 of the whole contains a form; the exception is
     * a form that would itself be refused (a short value whose aligned encoding is all digits).
     */
    @Test
    void base64OfAnyDataAroundTheValueContainsAForm() {
        Random random = new Random(20260822L);
        String alphabet = "abcXYZ019-_~+/=:@ \"'$&<>é日\uD83D\uDE00";
        Base64.Encoder[] encoders = {Base64.getEncoder(), Base64.getUrlEncoder(), Base64.getEncoder().withoutPadding(),
            Base64.getUrlEncoder().withoutPadding()};
        int checked = 0;
        int refused = 0;
        for (int round = 0; round < 3000; round++) {
            int minLength = 1 + random.nextInt(8);
            String value = randomText(random, alphabet, minLength + random.nextInt(24));
            if (SecretRefusal.reason(value, minLength) != null) {
                continue;
            }
            KnownSecret secret = KnownSecret.of(KnownSecret.Source.API, "random", value);
            List<SecretForm> forms = SecretForms.of(secret, minLength);
            byte[] bytes = secret.value().getBytes(StandardCharsets.UTF_8);
            byte[] prefix = randomBytes(random, random.nextInt(9));
            byte[] data = concat(prefix, bytes, randomBytes(random, random.nextInt(9)));
            for (Base64.Encoder encoder : encoders) {
                String encoded = encoder.encodeToString(data);
                if (forms.stream().noneMatch(f -> encoded.contains(f.text()))) {
                    // The characters carrying only bits of the value.
                    String window = encoded.substring((8 * prefix.length + 5) / 6, 8 * (prefix.length + bytes.length) / 6);
                    assertTrue(SecretRefusal.reason(window, minLength) != null,
                            "round " + round + ": no form of " + secret.value() + " in " + encoded);
                    refused++;
                }
            }
            checked++;
        }
        assertTrue(checked > 2500, "only " + checked + " values were checked");
        assertTrue(refused < checked / 100, refused + " refused windows");
    }

    @Test
    void basicAuthenticationHeadersAreCovered() {
        String pat = new FakeSecrets(41).githubPat();
        List<SecretForm> forms = SecretForms.of(KnownSecret.of(KnownSecret.Source.ENV, "GITHUB_TOKEN", pat), 6);
        for (String user : new String[] {"x-access-token", "ci", "deploy-bot"}) {
            String header = "Authorization: Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + pat).getBytes(StandardCharsets.UTF_8));
            assertTrue(forms.stream().anyMatch(f -> f.variant().equals(SecretForm.BASE64) && header.contains(f.text())),
                    user);
        }
    }

    /**
     * The encoders skip choices that cannot change a given value and copy the runs between special
     * characters whole; every combination, made the long way a character at a time, must give exactly
     * their texts, in the same order (the first text made decides a form's variant).
     */
    @Test
    void encodersSkipOnlyChoicesThatChangeNothing() {
        Random random = new Random(11);
        String[] alphabets = {"abcXYZ019-._", "aZ9+/= \n-", "a9'\"<>&=/\\$`^|()!*~%# \t\u0001é€😀"};
        for (int i = 0; i < 6_000; i++) {
            String alphabet = alphabets[i % alphabets.length];
            String value = randomText(random, alphabet.substring(0, 1 + random.nextInt(alphabet.length() - 1)),
                    1 + random.nextInt(14));
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            Set<String> url = new LinkedHashSet<>();
            for (String unencoded : UrlForms.UNENCODED) {
                for (String hex : new String[] {UrlForms.UPPER_HEX, UrlForms.LOWER_HEX}) {
                    for (String space : new String[] {"%20", "+"}) {
                        url.add(byteByByte(bytes, unencoded, hex, space));
                    }
                }
            }
            assertEquals(new ArrayList<>(url), new ArrayList<>(UrlForms.of(value)), value);
            Set<String> json = new LinkedHashSet<>();
            for (int choices = 0; choices < JsonForms.ALL_CHOICES; choices++) {
                json.add(charByChar(value, choices));
            }
            assertEquals(new ArrayList<>(json), new ArrayList<>(JsonForms.of(value)), value);
            Set<String> xml = new LinkedHashSet<>();
            for (String greaterThan : XmlForms.GREATER_THAN) {
                for (String quote : XmlForms.QUOTE) {
                    for (String apostrophe : XmlForms.APOSTROPHE) {
                        xml.add(charByChar(value, apostrophe, quote, greaterThan));
                    }
                }
            }
            assertEquals(new ArrayList<>(xml), new ArrayList<>(XmlForms.of(value)), value);
        }
    }

    /** Percent-encoding, the long way. */
    private static String byteByByte(byte[] bytes, String unencoded, String hex, String space) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == ' ') {
                sb.append(space);
            } else if (c < 0x80 && (Character.isLetterOrDigit(c) || unencoded.indexOf(c) >= 0)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(hex.charAt(c >> 4)).append(hex.charAt(c & 0xf));
            }
        }
        return sb.toString();
    }

    /** JSON escaping, the long way. */
    private static String charByChar(String value, int choices) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            boolean html = "<>&='".indexOf(c) >= 0 && (choices & JsonForms.HTML_SAFE) != 0;
            boolean unicode = c < 0x20 && "\n\r\t\b\f".indexOf(c) < 0 || c >= 0x80 && (choices & JsonForms.ESCAPE_NON_ASCII) != 0;
            if (html || unicode) {
                String hex = String.format((choices & JsonForms.UPPER_HEX) != 0 ? "%04X" : "%04x", (int) c);
                sb.append("\\u").append(hex);
            } else if ("\"\\\n\r\t\b\f".indexOf(c) >= 0) {
                sb.append('\\').append("\"\\nrtbf".charAt("\"\\\n\r\t\b\f".indexOf(c)));
            } else if (c == '/' && (choices & JsonForms.ESCAPE_SLASH) != 0) {
                sb.append("\\/");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** XML escaping, the long way. */
    private static String charByChar(String value, String apostrophe, String quote, String greaterThan) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            sb.append(c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? greaterThan : c == '"' ? quote
                    : c == '\'' ? apostrophe : String.valueOf(c));
        }
        return sb.toString();
    }

    @Test
    void toStringNeverRevealsTheValueOrAForm() {
        KnownSecret secret = KnownSecret.of(KnownSecret.Source.ENV, "DB_PASSWORD", SPECIAL);
        for (SecretForm form : SecretForms.of(secret, 6)) {
            String shown = form.toString();
            assertEquals("SecretForm(env:DB_PASSWORD, " + form.variant() + ")", shown);
            assertFalse(shown.contains(form.text()));
            assertFalse(shown.contains("w0rd"));
        }
    }

    private static String randomText(Random random, String alphabet, int codePoints) {
        int[] points = alphabet.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            sb.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return sb.toString();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }
}
