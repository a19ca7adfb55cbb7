package dev.logredact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logredact.mask.Redactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The baseline must mask what the product masks, or the speed-up compares different work. Per-line
 * semantics differ only for multi-line blocks, which this test leaves out.
 */
class PerLineGitleaksTest {

    @Test
    void masksLikeTheRedactorOnCorpusAndLeakLines() {
        PerLineGitleaks baseline = new PerLineGitleaks(TestRules.gitleaks());
        Redactor product = Redactor.builder(TestRules.gitleaks()).build();
        List<String> lines = new ArrayList<>();
        for (Path gz : BenchFiles.corpusFiles(TestRules.corpus())) {
            List<String> file = BenchFiles.readGzipLines(gz);
            lines.addAll(file.subList(0, Math.min(1500, file.size())));
        }
        LeakLines leaks = new LeakLines(3);
        int masked = 0;
        for (int i = 0; i < 600; i++) {
            LeakLines.Leak leak = leaks.next();
            if (!leak.kind().multiLine()) {
                lines.addAll(leak.lines());
            }
        }
        for (String line : lines) {
            String expected = product.redactLine(line);
            assertEquals(expected, baseline.redactLine(line), line);
            masked += expected.equals(line) ? 0 : 1;
        }
        // Guards against both sides masking nothing, which would also compare equal.
        assertEquals(true, masked >= 500, "masked " + masked);
    }
}
