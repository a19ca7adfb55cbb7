package dev.logredact.collector.report;

import dev.logredact.collector.view.IncidentView;

import java.util.List;

/** The incident columns shared by the table, Markdown and CSV reports. */
final class Columns {
    static final List<String> HEADERS = List.of("id", "state", "owner", "assignee", "rule", "secret", "occurrences",
            "first seen", "last seen", "time to remediate", "sla", "repositories");

    private Columns() {
    }

    /** One incident's cells; {@code human} writes durations as {@code 3d 4h} rather than seconds. */
    static List<String> cells(IncidentView i, boolean human) {
        Double ttr = i.timeToRemediateSeconds();
        String remediation = ttr == null ? "" : human ? duration(ttr) : String.valueOf(ttr);
        String sla = i.slaHours() == null ? "" : (i.slaBreached() ? "breached " : "") + i.slaHours() + "h";
        return List.of(String.valueOf(i.id()), i.state(), nullToEmpty(i.owner()), nullToEmpty(i.assignee()), i.rule(),
                nullToEmpty(i.secretName()), String.valueOf(i.occurrences()), i.firstSeen(), i.lastSeen(), remediation, sla,
                String.join(" ", i.repositories()));
    }

    /** Whole units, largest two: {@code 45s}, {@code 2h 5m}, {@code 3d 4h}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        long d = s / 86_400;
        long h = s % 86_400 / 3_600;
        long m = s % 3_600 / 60;
        if (d > 0) {
            return d + "d " + h + "h";
        }
        if (h > 0) {
            return h + "h " + m + "m";
        }
        return m > 0 ? m + "m " + s % 60 + "s" : s + "s";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
