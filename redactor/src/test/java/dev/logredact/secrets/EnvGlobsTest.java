package dev.logredact.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvGlobsTest {
    @ParameterizedTest
    @ValueSource(strings = {"GITHUB_TOKEN", "GH_TOKEN", "CI_JOB_TOKEN", "ACTIONS_RUNTIME_TOKEN",
        "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "SYSTEM_ACCESSTOKEN", "NODE_AUTH_TOKEN", "BUILDKITE_AGENT_ACCESS_TOKEN",
        "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY_ID", "VAULT_SECRET_ID", "CLIENT_SECRET",
        "PGPASSWORD", "CI_REGISTRY_PASSWORD", "SFTP_PASSWD", "GPG_PASSPHRASE", "DB_PASS", "MYSQL_PWD",
        "DD_API_KEY", "SENDGRID_APIKEY", "SSH_PRIVATE_KEY", "GPG_PRIVATE_KEY_BASE64", "DEPLOY_SSH_KEY",
        "RAILS_MASTER_KEY", "SIGNING_KEY", "TS_AUTHKEY", "GOOGLE_CREDENTIALS", "AZURE_CREDENTIAL",
        "NPM_CONFIG__AUTH", "npm_config__auth", "DOCKER_AUTH_CONFIG", "HTTP_AUTHORIZATION", "GH_PAT",
        "CI_JOB_JWT", "CI_JOB_JWT_V2", "AZURE_STORAGE_CONNECTION_STRING", "DATABASE_DSN"})
    void theDefaultsTakeCredentials(String name) {
        assertTrue(EnvGlobs.defaults().matches(name), name);
        assertTrue(EnvGlobs.parse("default").matches(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATH", "HOME", "PWD", "OLDPWD", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "CI_COMMIT_AUTHOR",
        "BUILDKITE_BUILD_AUTHOR", "SSH_AUTH_SOCK", "OAUTH_CLIENT_ID", "JWT_ISSUER", "ACTIONS_ID_TOKEN_REQUEST_URL",
        "OAUTH_TOKEN_URL", "VAULT_SECRET_PATH", "POSTGRES_PASSWORD_FILE", "AWS_SHARED_CREDENTIALS_FILE",
        "GOOGLE_APPLICATION_CREDENTIALS", "IMAGE_PULL_SECRET_NAME", "TOKEN_TYPE", "DOCKER_CREDENTIALS_ID",
        "SECRET_SCANNING_ENABLED", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD", "SSH_PUBLIC_KEY",
        "GRADLE_CACHE_KEY", "TOKENIZERS_PARALLELISM", "BYPASS_PROXY", "GITHUB_ACTOR", "KEYCHAIN"})
    void theDefaultsLeaveOutWhatIsNotASecret(String name) {
        assertFalse(EnvGlobs.defaults().matches(name), name);
    }

    @Test
    void globsAreAnchored() {
        EnvGlobs globs = EnvGlobs.parse("*_SECRET");
        assertTrue(globs.matches("FOO_SECRET"));
        assertTrue(globs.matches("_SECRET"));
        assertFalse(globs.matches("FOO_SECRETS"));
        assertFalse(globs.matches("SECRET"));
    }

    @Test
    void questionMarkIsExactlyOneCharacter() {
        EnvGlobs globs = EnvGlobs.parse("KEY_?");
        assertTrue(globs.matches("KEY_1"));
        assertFalse(globs.matches("KEY_"));
        assertFalse(globs.matches("KEY_12"));
    }

    @Test
    void matchingIgnoresCase() {
        assertTrue(EnvGlobs.parse("*_token").matches("MY_TOKEN"));
        assertTrue(EnvGlobs.parse("*_TOKEN").matches("my_token"));
    }

    @Test
    void starsBacktrack() {
        EnvGlobs globs = EnvGlobs.parse("*A*B*C");
        assertTrue(globs.matches("XAXBXAXBXC"));
        assertFalse(globs.matches("XAXBXCX"));
        assertTrue(EnvGlobs.parse("A*A*A*B").matches("AAAAAAAAAAAAAAAAAAAAB"));
        assertFalse(EnvGlobs.parse("A*A*A*B").matches("AAAAAAAAAAAAAAAAAAAAA"));
    }

    @Test
    void noneTakesNothing() {
        assertFalse(EnvGlobs.parse("none").matches("GITHUB_TOKEN"));
        assertFalse(EnvGlobs.parse(" NONE ").matches("GITHUB_TOKEN"));
    }

    @Test
    void userGlobsAreTakenLiterallyAndAddToTheDefaults() {
        EnvGlobs globs = EnvGlobs.parse(" default , MY_APP_* ");
        assertTrue(globs.matches("GITHUB_TOKEN"));
        assertTrue(globs.matches("MY_APP_DB_HOST"));
        assertFalse(globs.matches("GITHUB_ACTOR"));

        EnvGlobs own = EnvGlobs.parse("*TOKEN*");
        assertTrue(own.matches("ACTIONS_ID_TOKEN_REQUEST_URL"));
        assertFalse(own.matches("AWS_SECRET_ACCESS_KEY"));
    }

    @Test
    void exclusionsWinOverEverything() {
        EnvGlobs globs = EnvGlobs.parse("default,MY_*,!MY_TOKEN_COUNT,!*_SIGNING_KEY");
        assertFalse(globs.matches("MY_TOKEN_COUNT"));
        assertFalse(globs.matches("APK_SIGNING_KEY"));
        assertTrue(globs.matches("MY_TOKEN"));
        assertTrue(globs.matches("RAILS_MASTER_KEY"));
    }

    @Test
    void emptyItemsAreSkipped() {
        assertTrue(EnvGlobs.parse("*_TOKEN,,").matches("A_TOKEN"));
    }

    @Test
    void toStringShowsTheParsedSpec() {
        assertEquals("default,MY_*,!MY_TOKEN_COUNT", EnvGlobs.parse("default, my_*, !my_token_count").toString());
        assertEquals("none", EnvGlobs.parse("none").toString());
        assertEquals("default", EnvGlobs.defaults().toString());
    }

    @Test
    void invalidSpecsGetClearErrors() {
        assertEquals("logredact.secrets.env is empty: use none to take no variables, or default", error(" "));
        assertEquals("logredact.secrets.env is empty: use none to take no variables, or default", error(null));
        assertEquals("logredact.secrets.env: invalid glob \"FOO[1]\": '[' at position 4 is not allowed"
                + " (use letters, digits, _ . - and the wildcards * and ?)", error("*TOKEN*,FOO[1]"));
        assertEquals("logredact.secrets.env: invalid glob \"MY TOKEN\": ' ' at position 3 is not allowed"
                + " (use letters, digits, _ . - and the wildcards * and ?)", error("MY TOKEN"));
        assertEquals("logredact.secrets.env: invalid glob \"*\": it matches every variable name", error("default,*"));
        assertEquals("logredact.secrets.env: invalid glob \"*?\": it matches every variable name", error("*?"));
        assertEquals("logredact.secrets.env: '!' must be followed by a glob", error("default,!"));
        assertEquals("logredact.secrets.env: none cannot be combined with other items", error("none,*TOKEN*"));
        assertEquals("logredact.secrets.env has only exclusions (!glob): add default or a glob to take", error("!FOO"));
    }

    private static String error(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> EnvGlobs.parse(spec)).getMessage();
    }
}
