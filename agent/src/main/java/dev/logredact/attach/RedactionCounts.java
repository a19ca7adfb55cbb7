package dev.logredact.attach;

import dev.logredact.mask.Span;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many secrets were masked, by rule (or known secret) and by channel: what the exit summary says. */
final class RedactionCounts {
    private final Map<String, LongAdder> byLabel = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byChannel = new ConcurrentHashMap<>();

    void count(Span mask, String channel) {
        byLabel.computeIfAbsent(mask.label(), k -> new LongAdder()).increment();
        byChannel.computeIfAbsent(channel, k -> new LongAdder()).increment();
    }

    long total() {
        long total = 0;
        for (LongAdder a : byLabel.values()) {
            total += a.sum();
        }
        return total;
    }

    /** Labels by count, most first, then by name. */
    List<Map.Entry<String, Long>> labels() {
        return sorted(byLabel);
    }

    List<Map.Entry<String, Long>> channels() {
        return sorted(byChannel);
    }

    Set<String> channelNames() {
        return Collections.unmodifiableSet(new TreeSet<>(byChannel.keySet()));
    }

    private static List<Map.Entry<String, Long>> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> snapshot = new TreeMap<>();
        for (Map.Entry<String, LongAdder> e : counts.entrySet()) {
            snapshot.put(e.getKey(), e.getValue().sum());
        }
        List<Map.Entry<String, Long>> list = new ArrayList<>(snapshot.entrySet());
        list.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        return list;
    }
}
