package dev.logredact.rules;

import java.io.File;
import java.net.URL;
import java.security.CodeSource;

/**
 * The jar (or classes directory) a class was loaded from. A class on the boot class path, where the
 * agent's classes live, has no code source: its class file's URL names the jar instead.
 */
public final class CodeLocation {
    private CodeLocation() {
    }

    /** @throws IllegalStateException when the class came from neither a jar nor a directory of files */
    public static File of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        try {
            if (location == null) {
                String own = String.valueOf(type.getResource(type.getSimpleName() + ".class"));
                int end = own.indexOf("!/");
                if (!own.startsWith("jar:") || end < 0) {
                    throw new IllegalStateException("not loaded from a jar: " + own);
                }
                location = new URL(own.substring("jar:".length(), end));
            }
            return new File(location.toURI());
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("no code location for " + type.getName() + ": " + e, e);
        }
    }
}
