package dev.logredact.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/** The read-transform-write loop the baselines share, so that they differ only in the transform. */
final class LineFilter {
    private static final int BUFFER = 1 << 16;

    private LineFilter() {
    }

    static void run(UnaryOperator<String> transform) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), BUFFER);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), BUFFER);
        for (String line; (line = in.readLine()) != null; ) {
            out.write(transform.apply(line));
            out.write('\n');
        }
        out.flush();
    }
}
