package dev.logredact.testing;

import java.util.Random;

/** Fake secrets in real formats, reproducible from a seed. Never a real credential. */
public final class FakeSecrets {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String B64URL = ALNUM + "_-";

    private final Random random;

    public FakeSecrets(long seed) {
        this.random = new Random(seed);
    }

    public String githubPat() {
        return "ghp_" + token(ALNUM, 36);
    }

    public String gitlabPat() {
        return "glpat-" + token(ALNUM, 20);
    }

    public String awsAccessKeyId() {
        return "AKIA" + token(BASE32, 16);
    }

    public String npmToken() {
        return "npm_" + token(ALNUM, 36);
    }

    public String slackBotToken() {
        return "xoxb-" + token("0123456789", 12) + "-" + token("0123456789", 13) + "-" + token(ALNUM, 24);
    }

    public String jwt() {
        return "eyJhbGciOiJIUzI1NiJ9.eyJ" + token(B64URL, 40) + "." + token(B64URL, 43);
    }

    /** One of the formats above, chosen at random. */
    public String any() {
        switch (random.nextInt(6)) {
            case 0:
                return githubPat();
            case 1:
                return gitlabPat();
            case 2:
                return awsAccessKeyId();
            case 3:
                return npmToken();
            case 4:
                return slackBotToken();
            default:
                return jwt();
        }
    }

    public String token(String charset, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(charset.charAt(random.nextInt(charset.length())));
        }
        return sb.toString();
    }

    /** Log-like filler with no secret: words, paths, numbers, punctuation. */
    public String noise(int words) {
        String[] vocabulary = {"[INFO]", "[DEBUG]", "Downloading", "from", "central:", "org/apache/maven", "BUILD",
            "SUCCESS", "Tests", "run:", "3,", "Failures:", "0", "at", "com.example.Foo.bar(Foo.java:42)", "->",
            "compiling", "42", "ms", "--", "=", ":", "\"", "'", "{", "}", "module", "api", "key", "token", "count",
            "password", "policy", "secret", "manager", "auth", "access", "é", "日本"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(random.nextInt(5) == 0 ? "  " : " ");
            }
            sb.append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return sb.toString();
    }

    public Random random() {
        return random;
    }
}
