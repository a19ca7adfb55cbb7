package dev.logredact.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Deterministic generator of build-log lines that leak FAKE secrets, in the formats and contexts in
 * which CI logs really leak them, each detected by a rule of gitleaks' default configuration. The
 * secrets are random: the same seed gives the same lines, and no line carries a real credential.
 */
public final class LeakLines {

    /** One leak: the log lines (several for a key block), the gitleaks rule id, the secret strings. */
    public record Leak(Kind kind, List<String> lines, List<String> secrets) {
        public String ruleId() {
            return kind.ruleId;
        }
    }

    /** The leak formats, each with the id of the gitleaks default rule that detects it. */
    public enum Kind {
        GITHUB_PAT("github-pat"),
        GITHUB_APP_TOKEN_IN_URL("github-app-token"),
        AWS_ACCESS_KEY_ID("aws-access-token"),
        AWS_SECRET_ACCESS_KEY("generic-api-key"),
        SLACK_BOT_TOKEN("slack-bot-token"),
        NPM_TOKEN("npm-access-token"),
        GITLAB_PAT("gitlab-pat"),
        JWT("jwt"),
        CURL_BEARER("curl-auth-header"),
        CURL_USER("curl-auth-user"),
        GCP_API_KEY("gcp-api-key"),
        STRIPE_KEY("stripe-access-token"),
        PASSWORD_PROPERTY("generic-api-key"),
        PRIVATE_KEY("private-key");

        public final String ruleId;

        Kind(String ruleId) {
            this.ruleId = ruleId;
        }

        /** True when the leak spans several lines, which a per-line scanner cannot see whole. */
        public boolean multiLine() {
            return this == PRIVATE_KEY;
        }
    }

    private static final double MIN_ENTROPY = 3.8;
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String[] USERS = {"ci-bot", "deploy", "release", "jenkins", "svc-build"};
    private static final String[] HOSTS = {"git.example.com", "artifacts.example.com", "api.example.org",
        "nexus.internal.example", "registry.example.net"};

    // Not java.util.Random: its interleaved nextInt calls with small bounds are correlated enough to give
    // secrets whose digits repeat, whose entropy then falls below the rules' floors.
    private final SplittableRandom random;

    public LeakLines(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public Leak next() {
        Kind[] kinds = Kind.values();
        return next(kinds[random.nextInt(kinds.length)]);
    }

    public Leak next(Kind kind) {
        return switch (kind) {
            case GITHUB_PAT -> githubPat();
            case GITHUB_APP_TOKEN_IN_URL -> githubAppTokenInUrl();
            case AWS_ACCESS_KEY_ID -> awsAccessKeyId();
            case AWS_SECRET_ACCESS_KEY -> awsSecretAccessKey();
            case SLACK_BOT_TOKEN -> slackBotToken();
            case NPM_TOKEN -> npmToken();
            case GITLAB_PAT -> gitlabPat();
            case JWT -> jwt();
            case CURL_BEARER -> curlBearer();
            case CURL_USER -> curlUser();
            case GCP_API_KEY -> gcpApiKey();
            case STRIPE_KEY -> stripeKey();
            case PASSWORD_PROPERTY -> passwordProperty();
            case PRIVATE_KEY -> privateKey();
        };
    }

    private Leak githubPat() {
        String secret = entropic(() -> "ghp_" + random(ALNUM, 36));
        String line = pick(
                "[INFO] Using token " + secret + " for the GitHub API",
                "+ git clone https://" + secret + "@github.com/example-org/service-config.git",
                "[DEBUG] env.GITHUB_TOKEN: " + secret,
                timestamp() + " INFO  c.e.release.GitHubPublisher - authenticating with " + secret);
        return leak(Kind.GITHUB_PAT, line, secret);
    }

    private Leak githubAppTokenInUrl() {
        String secret = entropic(() -> "ghs_" + random(ALNUM, 36));
        String line = pick(
                "+ git remote set-url origin https://x-access-token:" + secret + "@github.com/example-org/app.git",
                "[INFO] Cloning https://x-access-token:" + secret + "@github.com/example-org/infra.git into target/checkout");
        return leak(Kind.GITHUB_APP_TOKEN_IN_URL, line, secret);
    }

    private Leak awsAccessKeyId() {
        String secret = entropic(() -> "AKIA" + random(BASE32, 16));
        String line = pick(
                "export AWS_ACCESS_KEY_ID=" + secret,
                "+ export AWS_ACCESS_KEY_ID=" + secret,
                "[DEBUG] env.AWS_ACCESS_KEY_ID: " + secret,
                "npm verbose env AWS_ACCESS_KEY_ID=" + secret);
        return leak(Kind.AWS_ACCESS_KEY_ID, line, secret);
    }

    private Leak awsSecretAccessKey() {
        // Letters never run three in a row, so the key cannot contain one of gitleaks' generic stopwords.
        String secret = entropic(() -> mixed(40, "+/"));
        String line = pick(
                "aws_secret_access_key = " + secret,
                "+ echo \"aws_secret_access_key=" + secret + "\" >> ~/.aws/credentials",
                "[DEBUG] env.AWS_SECRET_ACCESS_KEY: " + secret);
        return leak(Kind.AWS_SECRET_ACCESS_KEY, line, secret);
    }

    private Leak slackBotToken() {
        String secret = entropic(() -> "xoxb-" + random(DIGITS, 12) + "-" + random(DIGITS, 13) + "-" + random(ALNUM, 24));
        String line = pick(
                "[INFO] Notifying #builds with token " + secret,
                timestamp() + " DEBUG c.e.notify.SlackNotifier - POST chat.postMessage token=" + secret);
        return leak(Kind.SLACK_BOT_TOKEN, line, secret);
    }

    private Leak npmToken() {
        String secret = entropic(() -> "npm_" + random(ALNUM, 36));
        String line = pick(
                "+ echo //repo.example/:_authToken=" + secret + " >> .npmrc",
                "npm verbose config NPM_TOKEN " + secret,
                "npm http fetch GET 401 https://repo.example/@example%2fui-kit - retrying with token " + secret);
        return leak(Kind.NPM_TOKEN, line, secret);
    }

    private Leak gitlabPat() {
        String secret = entropic(() -> "glpat-" + random(ALNUM + "_-", 20));
        String line = pick(
                "+ git clone https://oauth2:" + secret + "@" + pick(HOSTS) + "/platform/tooling.git",
                "[DEBUG] Request header PRIVATE-TOKEN: " + secret,
                "$ export CI_API_TOKEN=" + secret);
        return leak(Kind.GITLAB_PAT, line, secret);
    }

    private Leak jwt() {
        String header = b64url("{\"alg\":\"" + pick("HS256", "RS256", "ES256") + "\",\"typ\":\"JWT\"}");
        String payload = b64url("{\"sub\":\"" + pick(USERS) + "\",\"iss\":\"https://" + pick(HOSTS)
                + "\",\"iat\":" + (1_700_000_000 + random.nextInt(50_000_000)) + ",\"jti\":\"" + random(ALNUM, 16) + "\"}");
        String secret = header + "." + payload + "." + random(ALNUM + "-_", 43);
        String line = pick(
                "[DEBUG] >> Authorization: Bearer " + secret,
                timestamp() + " DEBUG o.a.h.headers - http-outgoing-3 >> \"Authorization: Bearer " + secret + "\"",
                "[INFO] Obtained deployment token " + secret);
        return leak(Kind.JWT, line, secret);
    }

    private Leak curlBearer() {
        String secret = entropic(() -> random(ALNUM, 40));
        String line = pick(
                "+ curl -sSf -H \"Authorization: Bearer " + secret + "\" https://" + pick(HOSTS) + "/api/v4/projects/42/releases",
                "+ curl --fail -H 'Authorization: Token " + secret + "' -o dist.tar.gz https://" + pick(HOSTS) + "/files/dist.tar.gz");
        return leak(Kind.CURL_BEARER, line, secret);
    }

    private Leak curlUser() {
        // Starts with a digit: gitleaks allowlists passwords that start with x, pass, pwd, test or token.
        String password = entropic(() -> random(DIGITS, 1) + mixed(17, ""));
        String user = pick(USERS);
        String line = "+ curl -sS -u " + user + ":" + password + " -T target/app.jar https://" + pick(HOSTS)
                + "/repository/releases/app.jar";
        return leak(Kind.CURL_USER, line, user + ":" + password);
    }

    private Leak gcpApiKey() {
        String secret = entropic(() -> "AIza" + random(ALNUM + "_-", 35));
        String line = pick(
                "[INFO] Running with -Dgoogle.maps.key=" + secret,
                timestamp() + " INFO  c.e.geo.GeocoderClient - using API key " + secret);
        return leak(Kind.GCP_API_KEY, line, secret);
    }

    private Leak stripeKey() {
        String secret = entropic(() -> "sk_" + pick("test", "live") + "_" + random(ALNUM, 24));
        String line = pick(
                "[DEBUG] env.STRIPE_SECRET_KEY: " + secret,
                "+ export STRIPE_API_KEY=" + secret);
        return leak(Kind.STRIPE_KEY, line, secret);
    }

    private Leak passwordProperty() {
        String secret = entropic(() -> mixed(24, ""));
        String line = pick(
                "[DEBUG]   (f) password = " + secret,
                "[INFO] Connecting with jdbc:postgresql://db.internal:5432/orders?user=app&password=" + secret,
                timestamp() + " DEBUG c.e.db.DataSourceConfig - spring.datasource.password=" + secret);
        return leak(Kind.PASSWORD_PROPERTY, line, secret);
    }

    private Leak privateKey() {
        String type = pick("RSA ", "EC ", "OPENSSH ", "");
        byte[] key = new byte[400 + random.nextInt(800)];
        random.nextBytes(key);
        String body = Base64.getEncoder().encodeToString(key);
        List<String> lines = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        lines.add("-----BEGIN " + type + "PRIVATE KEY-----");
        for (int i = 0; i < body.length(); i += 64) {
            String chunk = body.substring(i, Math.min(body.length(), i + 64));
            lines.add(chunk);
            if (chunk.length() >= 32) {
                secrets.add(chunk);
            }
        }
        lines.add("-----END " + type + "PRIVATE KEY-----");
        return new Leak(Kind.PRIVATE_KEY, lines, secrets);
    }

    /**
     * Draws until the secret's Shannon entropy clears every rule's floor (at most 3.5) with room to
     * spare: a real token that happens to repeat characters is skipped by gitleaks too, and the answer
     * key must only hold secrets the rules are meant to find.
     */
    private static String entropic(Supplier<String> draw) {
        for (int i = 0; i < 1000; i++) {
            String s = draw.get();
            if (shannon(s) > MIN_ENTROPY) {
                return s;
            }
        }
        throw new IllegalStateException("no draw reached entropy " + MIN_ENTROPY);
    }

    static double shannon(String s) {
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < s.length(); i++) {
            counts.merge(s.charAt(i), 1, Integer::sum);
        }
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / s.length();
            h -= p * (Math.log(p) / Math.log(2));
        }
        return h;
    }

    private Leak leak(Kind kind, String line, String secret) {
        return new Leak(kind, List.of(line), List.of(secret));
    }

    private String timestamp() {
        return String.format("2025-%02d-%02d %02d:%02d:%02d.%03d", 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000));
    }

    private String random(String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** Letters alternate with digits or {@code extra} characters, so no English word can occur. */
    private String mixed(int length, String extra) {
        StringBuilder s = new StringBuilder(length);
        String others = DIGITS + extra;
        for (int i = 0; i < length; i++) {
            s.append(i % 2 == 0 ? LETTERS.charAt(random.nextInt(LETTERS.length()))
                    : others.charAt(random.nextInt(others.length())));
        }
        return s.toString();
    }

    private String b64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
