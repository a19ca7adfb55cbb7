package dev.logredact.mask;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns overlapping spans into the masks to write: spans that overlap become one mask labelled by the
 * earliest (longest at the same start); spans that only touch stay separate masks.
 */
public final class SpanMerger {
    private SpanMerger() {
    }

    /** Sorts in place by start, then longest first. */
    public static void sort(List<Span> spans) {
        spans.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
    }

    /** Merged masks of sorted spans, each as its first span stretched to the group's end. */
    public static List<Span> merge(List<Span> sorted) {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); ) {
            Span first = sorted.get(i);
            int end = first.end;
            i++;
            while (i < sorted.size() && sorted.get(i).start < end) {
                end = Math.max(end, sorted.get(i).end);
                i++;
            }
            out.add(first.at(first.start, end));
        }
        return out;
    }
}
