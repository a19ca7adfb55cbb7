package dev.logredact.collector.view;

import dev.logredact.collector.store.EventTable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/exposures}: per UTC day from {@code from} to {@code to} (inclusive, every day listed,
 * zeros too), the events (occurrences) received for that day, the maskings they stand for and the distinct
 * secrets exposed. What the dashboard's chart draws.
 */
public record ExposureSeries(String from, String to, List<DayView> days) {

    public record DayView(String day, long events, long redactions, long secrets) {
    }

    static ExposureSeries of(LocalDate from, LocalDate to, List<EventTable.Day> counted) {
        Map<Long, EventTable.Day> byDay = new HashMap<>();
        for (EventTable.Day d : counted) {
            byDay.put(d.epochDay(), d);
        }
        List<DayView> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            EventTable.Day d = byDay.get(day.toEpochDay());
            days.add(d == null ? new DayView(day.toString(), 0, 0, 0)
                    : new DayView(day.toString(), d.events(), d.redactions(), d.secrets()));
        }
        return new ExposureSeries(from.toString(), to.toString(), days);
    }
}
