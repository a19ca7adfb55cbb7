package dev.logredact.attach;

import dev.logredact.export.DeliveryTotals;
import dev.logredact.mask.Span;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exit line and the step summary say what was masked and, with a collector, what became of the events. */
class ExitSummaryTest {
    private static RedactionCounts counts(int pats, int env) {
        RedactionCounts c = new RedactionCounts();
        for (int i = 0; i < pats; i++) {
            c.count(new Span(0, 1, "github-pat", Span.Kind.PATTERN, null, "plain", "v1:a"), "stdout");
        }
        for (int i = 0; i < env; i++) {
            c.count(new Span(0, 1, "env:NPM_TOKEN", Span.Kind.LITERAL, "NPM_TOKEN", "plain", "v1:b"), "stderr");
        }
        return c;
    }

    @Test
    void withoutACollectorTheLineIsAsBefore() {
        assertEquals("logredact: masked 7 secrets (env:NPM_TOKEN x4, github-pat x3) on stderr, stdout",
                ExitSummary.line(counts(3, 4), 0, 0, null));
        assertNull(ExitSummary.line(counts(0, 0), 0, 0, null));
    }

    @Test
    void withACollectorTheLineSaysWhatBecameOfTheEvents() {
        ExitSummary.Events events = new ExitSummary.Events(new DeliveryTotals(5, 1, 0, 0, 0, 0), 0);
        assertEquals("logredact: masked 7 secrets (env:NPM_TOKEN x4, github-pat x3) on stderr, stdout; "
                + "events: 5 sent, 1 spooled, 0 dead-lettered", ExitSummary.line(counts(3, 4), 0, 0, events));
        ExitSummary.Events losses = new ExitSummary.Events(new DeliveryTotals(0, 0, 2, 3, 0, 0), 40);
        assertEquals("logredact: masked 1 secret (github-pat x1) on stdout; events: 0 sent, 0 spooled, 2 dead-lettered, "
                + "3 lost (spool not writable), 40 maskings not reported (reporter overloaded)",
                ExitSummary.line(counts(1, 0), 0, 0, losses));
    }

    /** What a JVM sent or dead-lettered may have been spooled by others: the line says how much. */
    @Test
    void otherJvmsRecordsAreToldApart() {
        ExitSummary.Events events = new ExitSummary.Events(new DeliveryTotals(10, 0, 3, 0, 4, 1), 0);
        assertEquals("logredact: masked 1 secret (github-pat x1) on stdout; events: 10 sent (4 from other JVMs), "
                + "0 spooled, 3 dead-lettered (1 from other JVMs)", ExitSummary.line(counts(1, 0), 0, 0, events));
        assertTrue(ExitSummary.markdown(counts(1, 0), events).contains(
                "Redaction events for the collector: 10 sent (4 from other JVMs), 0 spooled, 3 dead-lettered (1 from other JVMs)."));
    }

    @Test
    void eventsAloneAreWorthALineButNothingIsNot() {
        assertNull(ExitSummary.line(counts(0, 0), 0, 0, new ExitSummary.Events(new DeliveryTotals(0, 0, 0, 0, 0, 0), 0)));
        assertEquals("logredact: masked 0 secrets; events: 3 sent (3 from other JVMs), 0 spooled, 0 dead-lettered",
                ExitSummary.line(counts(0, 0), 0, 0, new ExitSummary.Events(new DeliveryTotals(3, 0, 0, 0, 3, 0), 0)));
    }

    @Test
    void theStepSummaryGetsTheSameNumbers() {
        String md = ExitSummary.markdown(counts(3, 4), new ExitSummary.Events(new DeliveryTotals(5, 1, 0, 0, 0, 0), 0));
        assertTrue(md.contains("Redaction events for the collector: 5 sent, 1 spooled, 0 dead-lettered."), md);
        assertTrue(md.contains("| `github-pat` | 3 |"), md);
        String without = ExitSummary.markdown(counts(3, 4), null);
        assertTrue(!without.contains("collector"), without);
    }
}
