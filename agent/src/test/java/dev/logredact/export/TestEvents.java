package dev.logredact.export;

import dev.logredact.mask.Redactor;
import dev.logredact.rules.RuleSetLoader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** OTLP lines as the encoder writes them, the agent's real masker, and sizes and waits shrunk for tests. */
final class TestEvents {
    /** The default rules, as the agent masks with them. */
    static final UnaryOperator<String> MASKER = Redactor.builder(RuleSetLoader.defaults()).build()::redactLine;

    private TestEvents() {
    }

    /** One line holding one record per uid. */
    static String line(String... uids) {
        StringBuilder records = new StringBuilder();
        for (String uid : uids) {
            if (records.length() > 0) {
                records.append(',');
            }
            records.append("{\"timeUnixNano\":\"1767225600000000000\",\"severityNumber\":13,\"severityText\":\"WARN\","
                    + "\"eventName\":\"logredact.secret.redacted\",\"body\":{\"stringValue\":\"Masked [REDACTED:github-pat] on stdout\"},"
                    + "\"attributes\":[{\"key\":\"log.record.uid\",\"value\":{\"stringValue\":\"").append(uid).append("\"}},"
                    + "{\"key\":\"logredact.rule.id\",\"value\":{\"stringValue\":\"github-pat\"}},"
                    + "{\"key\":\"logredact.count\",\"value\":{\"intValue\":\"1\"}}]}");
        }
        return "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":"
                + "\"logredact-agent\"}}]},\"scopeLogs\":[{\"scope\":{\"name\":\"dev.logredact\"},\"logRecords\":["
                + records + "]}]}]}";
    }

    /** {@code count} uids {@code prefix-0} ... */
    static List<String> uids(String prefix, int count) {
        List<String> uids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            uids.add(prefix + "-" + i);
        }
        return uids;
    }

    /** The regular files directly in {@code dir}, sorted; none when it does not exist. */
    static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Collections.emptyList();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    /** The lines of every file directly in {@code dir}. */
    static List<String> linesIn(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : files(dir)) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        return lines;
    }

    /** Small segments, short waits, backoff from 5 ms: every path in milliseconds. */
    static ExportSettings fast() {
        ExportSettings settings = new ExportSettings();
        settings.segmentBytes = 4096;
        settings.segmentAgeMillis = 20;
        settings.scanMillis = 20;
        settings.timeoutMillis = 5000;
        settings.retry = new RetryPolicy(5, 50, new Random(7));
        return settings;
    }

    /** A stream to print warnings to, and read them back. */
    static final class Captured {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream;

        Captured() {
            try {
                stream = new PrintStream(bytes, true, "UTF-8");
            } catch (UnsupportedEncodingException e) {
                throw new AssertionError(e);
            }
        }

        String text() {
            return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        }
    }
}
