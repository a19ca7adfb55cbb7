package dev.logredact.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static dev.logredact.export.TestEvents.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchTest {
    private static OtlpLine parsed(String text) {
        OtlpLine line = OtlpLine.parse(text);
        assertNotNull(line, text);
        return line;
    }

    @Test
    void aLineIsCheckedAndItsRecordsCounted() {
        assertEquals(1, parsed(line("a")).records);
        assertEquals(3, parsed(line("a", "b", "c")).records);
        assertEquals(0, parsed("{\"resourceLogs\":[]}").records);
        assertEquals(4, parsed("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{},{}]},{\"logRecords\":[{}]}]},"
                + "{\"resource\":{\"attributes\":[{\"key\":\"logRecords\",\"value\":{\"arrayValue\":{\"values\":[{}]}}}]},"
                + "\"scopeLogs\":[{\"scope\":{\"name\":\"x\"},\"logRecords\":[{\"body\":{\"kvlistValue\":{\"values\":"
                + "[{\"key\":\"logRecords\",\"value\":{}}]}}}]}]}]}").records);
    }

    @Test
    void whatIsNotARequestOfTheEncodersShapeIsRefused() {
        for (String text : new String[] {"", "{}", "{\"resourceLogs\":[{]}", "{\"resourceLogs\":[1]}",
                "{\"resourceLogs\":[{}],\"x\":[1]}", " {\"resourceLogs\":[{}]}", "{\"resourceLogs\":[{}]}x",
                "{\"resourceLogs\":[{}]}{\"resourceLogs\":[{}]}", line("a").substring(0, 100)}) {
            assertNull(OtlpLine.parse(text), text);
        }
    }

    @Test
    void batchesKeepTheOrderAndTheCaps() {
        List<OtlpLine> lines = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            String[] uids = new String[1 + random.nextInt(5)];
            for (int j = 0; j < uids.length; j++) {
                uids[j] = i + "-" + j;
            }
            lines.add(parsed(line(uids)));
        }
        List<Batch> batches = Batch.split(lines, 8192, 20);
        List<OtlpLine> again = new ArrayList<>();
        for (Batch batch : batches) {
            int bytes = batch.lines.stream().mapToInt(l -> l.utf8Length).sum();
            assertTrue(batch.lines.size() == 1 || bytes <= 8192 && batch.records <= 20, bytes + " bytes, " + batch.records + " records");
            again.addAll(batch.lines);
        }
        assertEquals(lines, again);
        assertTrue(batches.size() > 1);
    }

    @Test
    void aLineOverACapGoesAlone() {
        List<OtlpLine> lines = Arrays.asList(parsed(line("a")), parsed(line("b", "c", "d")), parsed(line("e")));
        List<Batch> batches = Batch.split(lines, 1 << 20, 2);
        assertEquals(Arrays.asList(1, 3, 1), Arrays.asList(batches.get(0).records, batches.get(1).records, batches.get(2).records));
    }

    @Test
    void theBodyIsOneRequestOfAllTheLinesGzipped() throws IOException {
        Batch batch = Batch.split(Arrays.asList(parsed(line("a")), parsed(line("b", "c"))), 1 << 20, 512).get(0);
        String body = new String(gunzip(batch.gzipped()), StandardCharsets.UTF_8);
        String first = line("a");
        String second = line("b", "c");
        assertEquals(first.substring(0, first.length() - 2) + "," + second.substring(OtlpLine.PREFIX.length()), body);
        assertEquals(3, parsed(body).records);
    }

    @Test
    void halvesSplitTheLines() {
        Batch batch = Batch.split(Arrays.asList(parsed(line("a")), parsed(line("b")), parsed(line("c"))), 1 << 20, 512).get(0);
        List<Batch> halves = batch.halves();
        assertEquals(Arrays.asList(1, 2), Arrays.asList(halves.get(0).records, halves.get(1).records));
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
