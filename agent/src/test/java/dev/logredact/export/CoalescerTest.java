package dev.logredact.export;

import dev.logredact.mask.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repeats within the window become one event with a count; anything else stays apart. Times are given, not waited for. */
class CoalescerTest {
    private static RedactionEvent event(String fingerprint, String channel, String label, String variant, String thread) {
        return RedactionEvent.of(new Span(0, 1, label, Span.Kind.PATTERN, null, variant, fingerprint), channel, null, thread, 5);
    }

    @Test
    void repeatsWithinTheWindowMergeIntoTheFirst() {
        Coalescer c = new Coalescer(1000, 100);
        c.add(event("v1:a", "stdout", "github-pat", "plain", "main"), 0);
        c.add(event("v1:a", "stdout", "github-pat", "plain", "worker"), 400);
        c.add(event("v1:a", "stdout", "github-pat", "plain", "worker"), 999);
        assertTrue(c.due(999).isEmpty(), "the window is still open");
        assertEquals(1, c.millisToNextDue(999));
        List<RedactionEvent> out = c.due(1000);
        assertEquals(1, out.size());
        assertEquals(3, out.get(0).count);
        assertEquals("main", out.get(0).thread, "the first masking's event is kept");
        assertEquals(-1, c.millisToNextDue(1000));
        // After the window, a repeat starts a new event.
        c.add(event("v1:a", "stdout", "github-pat", "plain", "main"), 1001);
        assertEquals(1, c.due(2001).get(0).count);
    }

    @Test
    void anotherSecretChannelRuleOrFormIsAnotherEvent() {
        Coalescer c = new Coalescer(1000, 100);
        c.add(event("v1:a", "stdout", "github-pat", "plain", "main"), 0);
        c.add(event("v1:b", "stdout", "github-pat", "plain", "main"), 0);
        c.add(event("v1:a", "stderr", "github-pat", "plain", "main"), 0);
        c.add(event("v1:a", "stdout", "env:GH_TOKEN", "plain", "main"), 0);
        c.add(event("v1:a", "stdout", "github-pat", "base64", "main"), 0);
        c.add(event("v1:a", "stdout", "github-pat", "plain", "main"), 0);
        List<RedactionEvent> out = c.all();
        assertEquals(5, out.size());
        assertEquals(2, out.get(0).count);
        assertEquals(6, out.stream().mapToLong(e -> e.count).sum());
    }

    @Test
    void countsFromTheOverflowMapAddUp() {
        Coalescer c = new Coalescer(1000, 100);
        c.add(event("v1:a", "stdout", "github-pat", "plain", "main").withCount(40), 0);
        c.add(event("v1:a", "stdout", "github-pat", "plain", "main"), 10);
        assertEquals(41, c.all().get(0).count);
    }

    @Test
    void pastTheKeyLimitTheOldestIsLetGoEarly() {
        Coalescer c = new Coalescer(1000, 3);
        for (int i = 0; i < 5; i++) {
            c.add(event("v1:" + i, "stdout", "github-pat", "plain", "main"), i);
        }
        assertEquals(0, c.millisToNextDue(10), "what was let go is due at once");
        List<RedactionEvent> early = c.due(10);
        assertEquals(List.of("v1:0", "v1:1"), early.stream().map(e -> e.fingerprint).toList());
        assertEquals(List.of("v1:2", "v1:3", "v1:4"), c.all().stream().map(e -> e.fingerprint).toList());
        assertTrue(c.all().isEmpty());
    }
}
