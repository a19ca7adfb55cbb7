package dev.logredact.secrets;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a value may become a mask. Every literal secret is masked wherever it appears, so a
 * value that ordinary output prints for reasons of its own would wreck the log (a secret {@code docker}
 * masked every "docker", a secret {@code 1} every digit: actions/runner #507, buildkite/agent #3588).
 * Refusing is always loud: the caller warns naming the variable, never the value.
 */
public final class SecretRefusal {
    /**
     * Compared case-insensitively. Only words that protect nothing when masked and that logs print anyway.
     * Longer values are not listed: a real password that happens to be a dictionary word is still masked.
     */
    private static final Set<String> COMMON_VALUES = new HashSet<>(Arrays.asList(
            // Switches and empty markers: the value of a flag, not a credential.
            "true", "false", "yes", "no", "on", "off", "null", "nil", "none", "undefined", "nan", "empty", "unset",
            "enabled", "disabled",
            // Placeholders and published defaults (changeit: the JDK's cacerts password); masking one hides
            // every mention of the word and protects nothing.
            "changeme", "changeit", "password", "passwd", "secret", "token", "example", "placeholder", "dummy",
            "default", "test", "testing", "redacted", "masked",
            // Default credentials of the service images CI jobs start (postgres, mysql, rabbitmq, minio):
            // also the product names that every line of such a job prints.
            "postgres", "mysql", "mariadb", "root", "admin", "administrator", "guest", "user", "minioadmin"));

    private SecretRefusal() {
    }

    /**
     * @param minLength the minimum length in characters after trimming ({@code logredact.secrets.min.length})
     * @return null when the value may be masked, else why not, phrased to follow "refused NAME: ". The
     *     reason names the value only when it is one of the common values above, which are public words.
     */
    public static String reason(String value, int minLength) {
        if (value == null || value.isEmpty()) {
            return "empty";
        }
        String trimmed = SecretText.trim(value);
        if (trimmed.isEmpty()) {
            return "whitespace only";
        }
        // The specific reasons first: "a common value (true)" tells more than "shorter than 6 characters".
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (COMMON_VALUES.contains(lower)) {
            return "a common value (" + lower + ")";
        }
        if (isNumber(trimmed)) {
            // Versions, ports, counts, dates and IP addresses are made of exactly these characters.
            return "a number";
        }
        if (isOneCharacter(trimmed)) {
            return "made of one character";
        }
        if (SecretText.length(trimmed) < minLength) {
            return "shorter than " + minLength + " characters";
        }
        return null;
    }

    private static boolean isNumber(String s) {
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-') {
                return false;
            }
        }
        return digit;
    }

    private static boolean isOneCharacter(String s) {
        int first = s.codePointAt(0);
        for (int i = Character.charCount(first); i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            if (s.codePointAt(i) != first) {
                return false;
            }
        }
        return true;
    }
}
