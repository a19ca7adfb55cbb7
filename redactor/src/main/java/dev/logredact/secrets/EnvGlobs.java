package dev.logredact.secrets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Which environment variables hold secrets, by name ({@code logredact.secrets.env}). The value is
 * {@code none}, or a comma list of:
 * <ul>
 *   <li>{@code default}: the built-in globs below, minus the built-in exclusions;</li>
 *   <li>a glob ({@code *} any run, {@code ?} one character; anchored, case-insensitive): taken
 *       literally, the built-in exclusions do not apply to it;</li>
 *   <li>{@code !glob}: never a secret, whatever else matches (for a false positive of the defaults).</li>
 * </ul>
 */
public final class EnvGlobs {
    private static final String KEY = "logredact.secrets.env";

    /**
     * Names that CI systems and tools give credentials. Anchored, so a word that may sit anywhere in a
     * name is written {@code *WORD*}; a word that is also part of harmless names is anchored at the end.
     */
    private static final String[] DEFAULT_INCLUDES = {
        "*TOKEN*",              // GITHUB_TOKEN, CI_JOB_TOKEN, ACTIONS_RUNTIME_TOKEN, SYSTEM_ACCESSTOKEN
        "*SECRET*",             // AWS_SECRET_ACCESS_KEY, CLIENT_SECRET, VAULT_SECRET_ID (a Vault credential)
        "*PASSWORD*",           // PGPASSWORD, CI_REGISTRY_PASSWORD
        "*PASSWD*",
        "*PASSPHRASE*",         // GPG_PASSPHRASE: *PASSWORD* does not cover it
        "*_PASS",               // DB_PASS, SMTP_PASS; end-anchored so BYPASS_* and PASSTHROUGH_* stay out
        "*_PWD",                // MYSQL_PWD; the underscore keeps PWD and OLDPWD, the working directories, out
        "*API_KEY*",
        "*APIKEY*",
        "*PRIVATE_KEY*",        // also GPG_PRIVATE_KEY_BASE64 and similar suffixed names
        "*ACCESS_KEY*",         // AWS_ACCESS_KEY_ID too: see the note on key ids below
        "*SSH_KEY*",
        "*AUTHKEY*",            // TS_AUTHKEY (Tailscale)
        // Any name ending in _KEY: RAILS_MASTER_KEY, SIGNING_KEY, ENCRYPTION_KEY, LICENSE_KEY. The false
        // positives (GPG_KEY fingerprints in python images, cache keys) are opaque strings that appear only
        // where printed, so masking them costs little; missing a signing key leaks it.
        "*_KEY",
        "*CREDENTIAL*",         // GOOGLE_CREDENTIALS (JSON content), AZURE_CREDENTIAL: singular and plural
        // Not *AUTH*: it takes GIT_AUTHOR_NAME, CI_COMMIT_AUTHOR, SSH_AUTH_SOCK (a socket path),
        // OAUTH_CLIENT_ID, AUTH_URL. Only the shapes that hold credentials:
        "*_AUTH",               // NPM_CONFIG__AUTH, BASIC_AUTH, PROXY_AUTH
        "*_AUTH_CONFIG",        // DOCKER_AUTH_CONFIG (registry credentials)
        "*AUTHORIZATION",       // HTTP_AUTHORIZATION header values
        "*_PAT",                // personal access tokens: GH_PAT, AZURE_DEVOPS_PAT
        // GitLab CI_JOB_JWT, CI_JOB_JWT_V2; not *JWT*, which takes JWT_ISSUER and JWT_AUDIENCE (URLs).
        "*JWT",
        "*JWT_V?",
        "*CONNECTION_STRING*",  // AZURE_STORAGE_CONNECTION_STRING
        "*_DSN",                // database DSNs carry passwords; Sentry DSNs carry a client key
    };

    /**
     * Names the includes take that hold something about a secret rather than the secret, usually words
     * ordinary output prints. Key ids are deliberately not excluded: AWS_ACCESS_KEY_ID alone grants
     * nothing, but it is half of a credential pair that rule scanners flag, and an opaque id appears only
     * where printed, so masking it is cheap.
     */
    private static final String[] DEFAULT_EXCLUDES = {
        // Where a secret lives or is sent: ACTIONS_ID_TOKEN_REQUEST_URL, OAUTH_TOKEN_URL, VAULT_SECRET_PATH,
        // POSTGRES_PASSWORD_FILE (the Docker secrets convention), AWS_SHARED_CREDENTIALS_FILE.
        "*_URL", "*_URI", "*_ENDPOINT", "*_HOST", "*_PORT", "*_FILE", "*_PATH", "*_DIR",
        "GOOGLE_APPLICATION_CREDENTIALS",   // a path to the key file, by the client libraries' contract
        // Names and kinds: IMAGE_PULL_SECRET_NAME, TOKEN_TYPE=Bearer, AWS secret ARNs, Jenkins credential
        // ids (DOCKER_CREDENTIALS_ID=docker-hub, a readable reference that build output names).
        "*_NAME", "*_TYPE", "*_ARN", "*CREDENTIALS_ID", "*CREDENTIAL_ID",
        // Switches: SECRET_SCANNING_ENABLED, and the MySQL/MariaDB image flags that CI jobs often set.
        "*_ENABLED", "*_DISABLED", "*_ALLOW_EMPTY_PASSWORD", "*_ALLOW_EMPTY_ROOT_PASSWORD", "*_RANDOM_ROOT_PASSWORD",
        // Public halves and cache keys, which *_KEY would take.
        "*PUBLIC_KEY", "*CACHE_KEY",
        "TOKENIZERS_PARALLELISM",           // a Hugging Face switch
    };

    private static final EnvGlobs DEFAULTS = new EnvGlobs(true, Collections.<NameGlob>emptyList(),
            Collections.<NameGlob>emptyList());
    private static final EnvGlobs NONE = new EnvGlobs(false, Collections.<NameGlob>emptyList(),
            Collections.<NameGlob>emptyList());
    private static final List<NameGlob> BUILT_IN_INCLUDES = compile(DEFAULT_INCLUDES);
    private static final List<NameGlob> BUILT_IN_EXCLUDES = compile(DEFAULT_EXCLUDES);

    private final boolean useDefaults;
    private final List<NameGlob> includes;
    private final List<NameGlob> excludes;

    private EnvGlobs(boolean useDefaults, List<NameGlob> includes, List<NameGlob> excludes) {
        this.useDefaults = useDefaults;
        this.includes = includes;
        this.excludes = excludes;
    }

    /** What applies when {@code logredact.secrets.env} is not set. */
    public static EnvGlobs defaults() {
        return DEFAULTS;
    }

    /** @throws IllegalArgumentException naming the key and the offending item */
    public static EnvGlobs parse(String spec) {
        if (spec == null || SecretText.trim(spec).isEmpty()) {
            throw new IllegalArgumentException(KEY + " is empty: use none to take no variables, or default");
        }
        boolean useDefaults = false;
        boolean none = false;
        List<NameGlob> includes = new ArrayList<>();
        List<NameGlob> excludes = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String item = SecretText.trim(raw);
            if (item.isEmpty()) {
                continue;
            }
            try {
                if (item.equalsIgnoreCase("none")) {
                    none = true;
                } else if (item.equalsIgnoreCase("default")) {
                    useDefaults = true;
                } else if (item.startsWith("!")) {
                    String glob = SecretText.trim(item.substring(1));
                    if (glob.isEmpty()) {
                        throw new IllegalArgumentException("'!' must be followed by a glob");
                    }
                    excludes.add(NameGlob.parse(glob));
                } else {
                    includes.add(NameGlob.parse(item));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(KEY + ": " + e.getMessage(), e);
            }
        }
        if (none) {
            if (useDefaults || !includes.isEmpty() || !excludes.isEmpty()) {
                throw new IllegalArgumentException(KEY + ": none cannot be combined with other items");
            }
            return NONE;
        }
        if (!useDefaults && includes.isEmpty()) {
            throw new IllegalArgumentException(KEY + " has only exclusions (!glob): add default or a glob to take");
        }
        return new EnvGlobs(useDefaults, includes, excludes);
    }

    /** Whether the variable with this name holds a secret. */
    public boolean matches(String name) {
        // Upper case once, not once per glob: a CI job has a hundred variables and this runs at start-up.
        String upper = name.toUpperCase(Locale.ROOT);
        long[] pairs = NameGlob.pairs(upper);
        boolean taken = anyMatches(includes, upper, pairs) || useDefaults && anyMatches(BUILT_IN_INCLUDES, upper, pairs)
                && !anyMatches(BUILT_IN_EXCLUDES, upper, pairs);
        return taken && !anyMatches(excludes, upper, pairs);
    }

    private static boolean anyMatches(List<NameGlob> globs, String upperCaseName, long[] pairs) {
        for (NameGlob glob : globs) {
            if (glob.matchesUpperCase(upperCaseName, pairs)) {
                return true;
            }
        }
        return false;
    }

    private static List<NameGlob> compile(String[] globs) {
        List<NameGlob> compiled = new ArrayList<>(globs.length);
        for (String glob : globs) {
            compiled.add(NameGlob.parse(glob));
        }
        return Collections.unmodifiableList(compiled);
    }

    @Override
    public String toString() {
        if (!useDefaults && includes.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder(useDefaults ? "default" : "");
        for (NameGlob glob : includes) {
            sb.append(sb.length() > 0 ? "," : "").append(glob);
        }
        for (NameGlob glob : excludes) {
            sb.append(",!").append(glob);
        }
        return sb.toString();
    }
}
