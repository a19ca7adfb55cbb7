package dev.logredact.export;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges repeats of one secret on one channel (see {@link RedactionEvent#key()}) that arrive within a
 * window into one event with a count, so a secret printed in a loop is one event, not thousands. The
 * first masking's event is kept; the window starts when it arrives. Bounded: past {@code maxPending}
 * keys the oldest is let go early. Used by one thread only.
 */
final class Coalescer {
    private final long windowMillis;
    private final int maxPending;
    /** In order of arrival, so the oldest is first. */
    private final Map<RedactionEvent.Key, Pending> pending = new LinkedHashMap<>();
    private final List<RedactionEvent> early = new ArrayList<>();

    private static final class Pending {
        final RedactionEvent first;
        final long since;
        long count;

        Pending(RedactionEvent first, long since) {
            this.first = first;
            this.since = since;
            this.count = first.count;
        }

        RedactionEvent merged() {
            return first.withCount(count);
        }
    }

    Coalescer(long windowMillis, int maxPending) {
        this.windowMillis = windowMillis;
        this.maxPending = maxPending;
    }

    void add(RedactionEvent e, long nowMillis) {
        RedactionEvent.Key key = e.key();
        Pending p = pending.get(key);
        if (p != null) {
            p.count += e.count;
            return;
        }
        if (pending.size() >= maxPending) {
            Iterator<Pending> oldest = pending.values().iterator();
            early.add(oldest.next().merged());
            oldest.remove();
        }
        pending.put(key, new Pending(e, nowMillis));
    }

    /** The events whose window has ended (or that were let go early), oldest first; they are forgotten. */
    List<RedactionEvent> due(long nowMillis) {
        return take(false, nowMillis);
    }

    /** Every event held, window or not: at exit. */
    List<RedactionEvent> all() {
        return take(true, 0);
    }

    private List<RedactionEvent> take(boolean everything, long nowMillis) {
        List<RedactionEvent> out = new ArrayList<>(early);
        early.clear();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (!everything && nowMillis - p.since < windowMillis) {
                break;
            }
            out.add(p.merged());
            it.remove();
        }
        return out;
    }

    /** Milliseconds until the oldest window ends (0 if one has), or -1 when nothing is held. */
    long millisToNextDue(long nowMillis) {
        if (!early.isEmpty()) {
            return 0;
        }
        Iterator<Pending> it = pending.values().iterator();
        return it.hasNext() ? Math.max(0, it.next().since + windowMillis - nowMillis) : -1;
    }
}
