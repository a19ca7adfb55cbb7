package dev.logredact.collector.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks {@code Authorization: Bearer <token>} in constant time: both tokens are hashed first, so the
 * comparison takes as long whatever the token's length or how much of it is right.
 */
final class BearerAuth {
    private static final String SCHEME = "Bearer ";

    private final byte[] expected;

    /** @param token null or empty: every request is allowed */
    BearerAuth(String token) {
        this.expected = token == null || token.isEmpty() ? null : sha256(token);
    }

    boolean required() {
        return expected != null;
    }

    boolean allows(String authorization) {
        if (expected == null) {
            return true;
        }
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
        // An empty token never matches (the configured one is not empty) and costs the same hash.
        String given = bearer ? authorization.substring(SCHEME.length()).trim() : "";
        return MessageDigest.isEqual(sha256(given), expected);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
