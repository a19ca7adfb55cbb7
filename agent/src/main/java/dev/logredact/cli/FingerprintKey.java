package dev.logredact.cli;

import dev.logredact.event.Fingerprinter;

import java.io.PrintStream;

/**
 * The fingerprint key from {@code logredact.fingerprint.key} or {@code LOGREDACT_FINGERPRINT_KEY}, as
 * the agent reads it, so the command line and the agent fingerprint a secret alike.
 */
final class FingerprintKey {
    private FingerprintKey() {
    }

    static Fingerprinter fingerprinter(PrintStream err, boolean warnIfRandom) {
        String key = System.getProperty("logredact.fingerprint.key");
        if (key == null || key.isEmpty()) {
            key = System.getenv("LOGREDACT_FINGERPRINT_KEY");
        }
        // Trimmed as the agent's configuration trims it, so both fingerprint a secret alike.
        if (key != null && !key.trim().isEmpty()) {
            return Fingerprinter.withKey(key.trim());
        }
        if (warnIfRandom) {
            err.println("logredact: no fingerprint key (LOGREDACT_FINGERPRINT_KEY) is set: fingerprints use a random"
                    + " key and will not match those of other runs");
        }
        return Fingerprinter.withRandomKey();
    }
}
