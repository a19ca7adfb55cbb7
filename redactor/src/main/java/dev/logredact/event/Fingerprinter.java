package dev.logredact.event;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * Identifies a secret without carrying it: {@code v1:} and the first 32 hex digits of
 * HMAC-SHA256(key, secret). A plain hash of a short password can be brute-forced offline; with a key
 * that never travels with the event it cannot.
 */
public final class Fingerprinter {
    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] fixedKey;
    private volatile SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    private Fingerprinter(byte[] key) {
        this.fixedKey = key;
        this.macs = new ThreadLocal<Mac>() {
            @Override
            protected Mac initialValue() {
                try {
                    Mac mac = Mac.getInstance(ALGORITHM);
                    mac.init(key());
                    return mac;
                } catch (GeneralSecurityException e) {
                    // Every Java SE runtime must provide HmacSHA256.
                    throw new IllegalStateException("HmacSHA256 is not available", e);
                }
            }
        };
    }

    /** Fingerprints that correlate across JVMs and builds sharing the key. */
    public static Fingerprinter withKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the fingerprint key is empty");
        }
        return new Fingerprinter(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A random key for this JVM only: fingerprints still group repeats, but never match another JVM's.
     * The key is drawn on first use, since seeding a secure random generator costs start-up time in a
     * JVM that may never mask anything.
     */
    public static Fingerprinter withRandomKey() {
        return new Fingerprinter(null);
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) {
                    byte[] bytes = fixedKey;
                    if (bytes == null) {
                        bytes = new byte[32];
                        new SecureRandom().nextBytes(bytes);
                    }
                    k = new SecretKeySpec(bytes, ALGORITHM);
                    key = k;
                }
            }
        }
        return k;
    }

    public String fingerprint(CharSequence secret) {
        byte[] digest = macs.get().doFinal(secret.toString().getBytes(StandardCharsets.UTF_8));
        char[] out = new char[3 + 32];
        out[0] = 'v';
        out[1] = '1';
        out[2] = ':';
        for (int i = 0; i < 16; i++) {
            out[3 + 2 * i] = HEX[(digest[i] >> 4) & 0xf];
            out[4 + 2 * i] = HEX[digest[i] & 0xf];
        }
        return new String(out);
    }
}
