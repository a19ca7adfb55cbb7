package dev.logredact.attach;

import dev.logredact.export.RecordingExport;
import dev.logredact.export.Reporter;
import dev.logredact.mask.Span;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** At exit the reporter hands over what it holds before the export drains, and the totals reach the summary. */
class EventDrainTest {
    private final RecordingExport export = new RecordingExport();
    private final PrintStream err = new PrintStream(new ByteArrayOutputStream(), true);

    @Test
    void heldEventsAreHandedOverBeforeTheDrainAndCounted() {
        Reporter reporter = Reporter.start(export, "test", Map.of(), UnaryOperator.identity(), err);
        for (int i = 0; i < 3; i++) {
            reporter.redacted(new Span(0, 1, "github-pat", Span.Kind.PATTERN, null, "plain", "v1:" + i), "stdout", null);
        }
        ExitSummary.Events events = AgentRuntime.drainEvents(reporter, export, 5000);
        assertEquals(3, events.totals.sent, "the window had not ended: only the exit's flush sent them");
        assertEquals(0, events.unreported);
        assertTrue(export.drainedWithin() > 0 && export.drainedWithin() <= 5000, Long.toString(export.drainedWithin()));
    }

    @Test
    void aJvmThatReportedNothingDoesNotWaitForTheCollector() {
        Reporter reporter = Reporter.start(export, "test", Map.of(), UnaryOperator.identity(), err);
        ExitSummary.Events events = AgentRuntime.drainEvents(reporter, export, 5000);
        assertEquals(0, export.drainedWithin());
        assertEquals(0, events.totals.sent);
    }
}
