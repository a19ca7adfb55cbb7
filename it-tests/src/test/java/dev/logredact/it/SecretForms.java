package dev.logredact.it;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A test's secret values in the forms they could take in bytes written somewhere: plain, URL-encoded,
 * and base64 (standard and URL-safe) at each of the three byte alignments a value can have inside a
 * longer encoded text, each cut to the characters that depend on the value alone.
 */
final class SecretForms {
    private final Set<String> forms = new LinkedHashSet<>();

    SecretForms(String... secrets) {
        for (String secret : secrets) {
            forms.add(secret);
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            for (int shift = 0; shift < 3; shift++) {
                byte[] shifted = new byte[shift + bytes.length];
                System.arraycopy(bytes, 0, shifted, shift, bytes.length);
                // Characters whose six bits all come from the value: from the first after the shift's
                // bits up to the last before the value's end.
                int from = (shift * 8 + 5) / 6;
                int to = shifted.length * 8 / 6;
                forms.add(Base64.getEncoder().encodeToString(shifted).substring(from, to));
                forms.add(Base64.getUrlEncoder().encodeToString(shifted).substring(from, to));
            }
        }
    }

    /** Fails naming the place and the form (never the value) when {@code bytes} hold any form. */
    void assertNoneIn(String where, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int i = 0;
        for (String form : forms) {
            if (text.contains(form)) {
                fail(where + " holds secret form #" + i);
            }
            i++;
        }
    }

    /** Every file under {@code dir}, whatever its name; returns how many were checked. */
    int assertNoneUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            assertNoneIn(file.toString(), Files.readAllBytes(file));
        }
        return files.size();
    }
}
