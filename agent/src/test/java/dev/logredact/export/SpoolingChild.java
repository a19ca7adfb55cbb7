package dev.logredact.export;

import java.net.URI;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.function.UnaryOperator;

/**
 * A JVM of its own that exports events: {@code SPOOL ENDPOINT PREFIX COUNT hold|drain}. It appends COUNT
 * one-record lines with uids {@code PREFIX-i} to segments of 2 KiB, then either prints {@code spooled}
 * and waits to be killed (its last segment left open), or drains and prints
 * {@code totals SENT SPOOLED DEAD LOST}.
 */
public final class SpoolingChild {
    private SpoolingChild() {
    }

    public static void main(String[] args) throws Exception {
        ExportSettings settings = TestEvents.fast();
        settings.segmentBytes = 2048;
        boolean hold = args[4].equals("hold");
        if (hold) {
            settings.segmentAgeMillis = 60_000;
        }
        SpoolingExporter export = SpoolingExporter.start(URI.create(args[1]), Collections.<String, String>emptyMap(),
                Paths.get(args[0]), UnaryOperator.identity(), System.err, settings);
        int count = Integer.parseInt(args[3]);
        for (int i = 0; i < count; i++) {
            export.append(TestEvents.line(args[2] + "-" + i), 1);
            if (i % 20 == 19) {
                // Spread over a while, so that the other JVM's export thread finds these segments too.
                Thread.sleep(5);
            }
        }
        if (hold) {
            System.out.println("spooled");
            System.out.flush();
            Thread.sleep(60_000);
            return;
        }
        DeliveryTotals totals = export.drain(20_000);
        System.out.println("totals " + totals.sent + " " + totals.spooled + " " + totals.deadLettered + " " + totals.lost);
    }
}
