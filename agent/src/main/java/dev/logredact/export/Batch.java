package dev.logredact.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Spool lines sent as one request: their {@code resourceLogs} elements joined into one
 * {@code ExportLogsServiceRequest}. Capped client-side (reporting note §4 rule 4) so a 413 is rare.
 */
final class Batch {
    final List<OtlpLine> lines;
    final int records;
    private byte[] gzipped;

    private Batch(List<OtlpLine> lines) {
        this.lines = Collections.unmodifiableList(lines);
        int r = 0;
        for (OtlpLine line : lines) {
            r += line.records;
        }
        this.records = r;
    }

    /**
     * The lines, in order, cut into batches of at most {@code maxBytes} (of lines) and {@code maxRecords};
     * a line over either cap goes alone.
     */
    static List<Batch> split(List<OtlpLine> lines, long maxBytes, int maxRecords) {
        List<Batch> batches = new ArrayList<>();
        List<OtlpLine> current = new ArrayList<>();
        long bytes = 0;
        int records = 0;
        for (OtlpLine line : lines) {
            if (!current.isEmpty() && (bytes + line.utf8Length > maxBytes || records + line.records > maxRecords)) {
                batches.add(new Batch(current));
                current = new ArrayList<>();
                bytes = 0;
                records = 0;
            }
            current.add(line);
            bytes += line.utf8Length;
            records += line.records;
        }
        if (!current.isEmpty()) {
            batches.add(new Batch(current));
        }
        return batches;
    }

    /** For a 413: the first and second half of the lines; only for a batch of two lines or more. */
    List<Batch> halves() {
        int middle = lines.size() / 2;
        List<Batch> halves = new ArrayList<>(2);
        halves.add(new Batch(new ArrayList<>(lines.subList(0, middle))));
        halves.add(new Batch(new ArrayList<>(lines.subList(middle, lines.size()))));
        return halves;
    }

    List<String> texts() {
        List<String> texts = new ArrayList<>(lines.size());
        for (OtlpLine line : lines) {
            texts.add(line.text);
        }
        return texts;
    }

    /** The request body, gzipped; made once and kept for retries. */
    byte[] gzipped() throws IOException {
        if (gzipped == null) {
            StringBuilder json = new StringBuilder();
            json.append(OtlpLine.PREFIX);
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                json.append(lines.get(i).elements());
            }
            json.append(OtlpLine.SUFFIX);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(json.toString().getBytes(StandardCharsets.UTF_8));
            }
            gzipped = out.toByteArray();
        }
        return gzipped;
    }
}
