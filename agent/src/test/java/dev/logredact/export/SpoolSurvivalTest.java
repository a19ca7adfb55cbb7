package dev.logredact.export;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.logredact.export.TestEvents.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The spool across JVMs: killed writers, shared directories, a directory that cannot be written. */
class SpoolSurvivalTest {
    @TempDir
    Path temp;

    private Path spool;
    @RegisterExtension
    final ScriptedCollector collector = ScriptedCollector.start();
    private final TestEvents.Captured warnings = new TestEvents.Captured();

    @BeforeEach
    void nameTheSpool() {
        spool = temp.resolve("spool");
    }

    private SpoolingExporter exporter(URI endpoint, Path dir) {
        return SpoolingExporter.start(endpoint, Collections.<String, String>emptyMap(), dir, TestEvents.MASKER,
                warnings.stream, TestEvents.fast());
    }

    /** A loopback URL nothing listens on. */
    private static URI deadEndpoint() throws IOException {
        return ScriptedCollector.endpointOn(ScriptedCollector.unusedPort());
    }

    private List<Path> segments() throws IOException {
        return TestEvents.files(spool);
    }

    @Test
    void eachLineIsOnDiskBeforeAnythingIsSent() throws IOException {
        SpoolingExporter export = exporter(deadEndpoint(), spool);
        export.append(line("a-0"), 1);
        export.append(line("a-1", "a-2"), 2);

        assertEquals(Arrays.asList(line("a-0"), line("a-1", "a-2")), TestEvents.linesIn(spool), "as given, nothing added");
        assertEquals(3, export.drain(0).spooled);
    }

    @Test
    void theSpoolIsReadableByItsOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        SpoolingExporter export = exporter(deadEndpoint(), spool);
        export.append(line("a-0"), 1);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spool)));
        for (Path segment : segments()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(segment)), segment.toString());
        }
        export.drain(0);
    }

    @Test
    void whatAKilledJvmSpooledIsShippedByTheNextOne() throws Exception {
        List<String> uids = TestEvents.uids("killed", 101);
        try (ChildJvm child = ChildJvm.start(spool.toString(), deadEndpoint().toString(), "killed", "101", "hold")) {
            assertEquals("spooled", child.nextLine(30_000));
            child.process.destroyForcibly();
            assertTrue(child.process.waitFor(10, TimeUnit.SECONDS));
        }
        assertTrue(segments().stream().anyMatch(p -> p.toString().endsWith(".jsonl.tmp")), "its open segment is left: " + segments());
        assertTrue(segments().stream().anyMatch(p -> p.toString().endsWith(".jsonl")), "and sealed ones: " + segments());

        SpoolingExporter next = exporter(collector.endpoint(), spool);
        assertTrue(collector.awaitUids(uids, 10_000), "received " + collector.uids().size());
        next.append(line("own-0", "own-1"), 2);
        DeliveryTotals totals = next.drain(5000);
        assertEquals(103, totals.sent, "sent counts what this JVM delivered, an earlier JVM's events too");
        assertEquals(101, totals.sentForOthers, "and says how many were the earlier JVM's");
        assertEquals(0, totals.spooled);
        assertEquals(Collections.emptyList(), segments());
    }

    @Test
    void aTornLastLineIsDroppedAndTheRestShipped() throws Exception {
        Files.createDirectories(spool);
        String torn = line("t-2");
        Files.write(spool.resolve("0123456789abcdef-000001.jsonl.tmp"), (line("t-0") + "\n" + line("t-1") + "\n"
                + torn.substring(0, torn.length() / 2)).getBytes(StandardCharsets.UTF_8));

        SpoolingExporter export = exporter(collector.endpoint(), spool);
        assertTrue(collector.awaitUids(TestEvents.uids("t", 2), 10_000));
        assertEquals(2, export.drain(5000).sent);
        assertEquals(Arrays.asList("t-0", "t-1"), collector.uids());
        assertTrue(warnings.text().contains("dropped an unfinished event line at the end of "), warnings.text());
        assertEquals(Collections.emptyList(), segments());
    }

    @Test
    void aLineThatIsNotAnOtlpRequestIsDeadLetteredAndTheRestShipped() throws Exception {
        Files.createDirectories(spool);
        Files.write(spool.resolve("0123456789abcdef-000001.jsonl"), (line("m-0") + "\n{\"resourceLogs\":[{]}\n"
                + line("m-1") + "\n").getBytes(StandardCharsets.UTF_8));

        SpoolingExporter export = exporter(collector.endpoint(), spool);
        assertTrue(collector.awaitUids(TestEvents.uids("m", 2), 10_000));
        export.drain(5000);
        assertEquals(Collections.singletonList("{\"resourceLogs\":[{]}"), TestEvents.linesIn(spool.resolve("dead-letter")));
        assertTrue(warnings.text().contains("1 lines of "), warnings.text());
    }

    @Test
    void twoJvmsSharingOneSpoolDirectoryLoseNothingAndSendNothingTwice() throws Exception {
        String endpoint = collector.endpoint().toString();
        List<String> uids = new ArrayList<>(TestEvents.uids("first", 400));
        uids.addAll(TestEvents.uids("second", 400));
        long sent = 0;
        try (ChildJvm first = ChildJvm.start(spool.toString(), endpoint, "first", "400", "drain");
             ChildJvm second = ChildJvm.start(spool.toString(), endpoint, "second", "400", "drain")) {
            for (ChildJvm child : Arrays.asList(first, second)) {
                String totals = child.nextLine(60_000);
                assertNotNull(totals, "the child JVM said nothing");
                String[] fields = totals.split(" ");
                // Spooled is not checked: a segment of one that the other JVM was sending at that moment was still on disk.
                assertEquals(Arrays.asList("totals", "0", "0"), Arrays.asList(fields[0], fields[3], fields[4]), totals);
                sent += Long.parseLong(fields[1]);
            }
        }
        List<String> received = collector.uids();
        assertEquals(new HashSet<>(uids), new HashSet<>(received), "each record received");
        assertEquals(uids.size(), received.size(), "no segment was sent by both JVMs");
        assertEquals(uids.size(), sent, "between them the JVMs account for every record");
        Set<String> segmentsLeft = segments().stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        assertEquals(Collections.emptySet(), segmentsLeft);
    }

    @Test
    void aSpoolDirectoryThatCannotBeCreatedIsToldOnceAndEventsAreSentFromMemory() throws IOException {
        Path file = Files.createFile(temp.resolve("not-a-directory"));
        Path impossible = file.resolve("spool");
        SpoolingExporter export = exporter(collector.endpoint(), impossible);
        export.append(line("u-0"), 1);
        export.append(line("u-1", "u-2"), 2);

        DeliveryTotals totals = export.drain(5000);
        assertEquals(Arrays.asList(3L, 0L, 0L), Arrays.asList(totals.sent, totals.spooled, totals.lost));
        String text = warnings.text();
        assertTrue(text.startsWith("logredact: warning: cannot write the event spool " + impossible + " ("), text);
        assertEquals(1, text.split("\n").length, "told once: " + text);
    }

    @Test
    void withNeitherSpoolNorCollectorTheEventsAreCountedLost() throws IOException {
        Path file = Files.createFile(temp.resolve("not-a-directory"));
        SpoolingExporter export = exporter(deadEndpoint(), file.resolve("spool"));
        export.append(line("u-0"), 1);
        export.append(line("u-1", "u-2"), 2);

        DeliveryTotals totals = export.drain(200);
        assertEquals(Arrays.asList(0L, 0L, 0L, 3L), Arrays.asList(totals.sent, totals.spooled, totals.deadLettered, totals.lost));
    }

    @Test
    void aSpoolDirectoryWithoutWritePermissionIsToldAndEventsAreSentFromMemory() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Files.createDirectories(spool, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-x------")));
        assumeFalse(Files.isWritable(spool), "running as root: every directory is writable");
        try {
            SpoolingExporter export = exporter(collector.endpoint(), spool);
            export.append(line("u-0"), 1);

            assertEquals(1, export.drain(5000).sent);
            assertTrue(warnings.text().startsWith("logredact: warning: cannot write the event spool " + spool), warnings.text());
        } finally {
            Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
