package dev.logredact.export;

import dev.logredact.export.ScriptedCollector.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.logredact.export.TestEvents.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delivery never adds data: spool and dead-letter files hold exactly the lines given, and no header value
 * or text a collector echoes reaches a file or a message unmasked.
 */
class NoSecretInDeliveryTest {
    /** Fake, in the real format, so the agent's rules know it. */
    private static final String ECHOED_PAT = "ghp_" + "Vb3Nq8Rt5Wx2Zk7Lm4Pd9Hs6Jf1Gc0Ya2Ue8";
    private static final String BEARER = "Bearer otlp-Xw7Qe2Rt9Yu4Io1Pa6Sd3Fg8";
    private static final String API_KEY = "k-Hq93Lz7Wm2Vx5Rn8Tb4";

    @TempDir
    Path spool;

    @RegisterExtension
    final ScriptedCollector collector = ScriptedCollector.start();
    private final TestEvents.Captured warnings = new TestEvents.Captured();
    private final List<String> given = new ArrayList<>();

    private SpoolingExporter exporter(URI endpoint) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", BEARER);
        headers.put("X-Api-Key", API_KEY);
        return SpoolingExporter.start(endpoint, headers, spool, TestEvents.MASKER, warnings.stream, TestEvents.fast());
    }

    private void appendThree(EventExport export) {
        given.addAll(Arrays.asList(line("s-0"), line("s-1", "s-2")));
        export.append(given.get(0), 1);
        export.append(given.get(1), 2);
    }

    /** Every line of every file under the spool directory, dead-letter folder included, files in name order. */
    private List<String> linesOnDisk() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(spool)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private void assertNoSecretAnywhere() throws IOException {
        String everything = String.join("\n", linesOnDisk()) + "\n" + warnings.text();
        for (String secret : Arrays.asList(ECHOED_PAT, BEARER, "otlp-Xw7Qe2Rt9Yu4Io1Pa6Sd3Fg8", API_KEY)) {
            assertFalse(everything.contains(secret), "found " + secret + " in:\n" + everything);
        }
    }

    @Test
    void aCollectorMessageEchoingASecretIsPrintedMaskedAndTheDeadLetterHoldsOnlyTheLines() throws IOException {
        collector.respond(request -> Reply.status(400, "invalid attribute value " + ECHOED_PAT
                + "\\n::warning::forged"));
        SpoolingExporter export = exporter(collector.endpoint());
        appendThree(export);

        assertEquals(3, export.drain(5000).deadLettered);
        String text = warnings.text();
        assertTrue(text.contains("(HTTP 400: invalid attribute value [REDACTED:github-pat] ::warning::forged)"),
                "the message is shown, masked, on one line (no forged CI log command): " + text);
        assertEquals(1, text.split("\n").length, text);
        assertEquals(new HashSet<>(given), new HashSet<>(linesOnDisk()), "the dead letters are the lines given");
        assertNoSecretAnywhere();
    }

    @Test
    void aPartialSuccessMessageEchoingASecretIsMaskedToo() throws IOException {
        collector.script(new Reply(200, "{\"partialSuccess\":{\"rejectedLogRecords\":\"1\",\"errorMessage\":\"bad value "
                + ECHOED_PAT + "\"}}"));
        SpoolingExporter export = exporter(collector.endpoint());
        appendThree(export);

        export.drain(5000);
        assertTrue(warnings.text().contains("bad value [REDACTED:github-pat]"), warnings.text());
        assertNoSecretAnywhere();
    }

    @Test
    void refusedCredentialsAreToldWithoutTheirValue() throws IOException {
        collector.respond(request -> Reply.status(401, "token " + BEARER + " is not valid"));
        SpoolingExporter export = exporter(collector.endpoint());
        appendThree(export);

        assertEquals(3, export.drain(5000).spooled);
        assertTrue(warnings.text().contains("collector refused the credentials (401)"), warnings.text());
        assertEquals(new HashSet<>(given), new HashSet<>(linesOnDisk()), "the spool holds the lines given");
        assertNoSecretAnywhere();
    }

    @Test
    void whatIsSpooledForADeadCollectorIsExactlyTheLinesGiven() throws IOException {
        SpoolingExporter export = exporter(ScriptedCollector.endpointOn(ScriptedCollector.unusedPort()));
        appendThree(export);

        assertEquals(3, export.drain(100).spooled);
        assertEquals(given, linesOnDisk());
        assertEquals("", warnings.text());
        assertNoSecretAnywhere();
    }
}
