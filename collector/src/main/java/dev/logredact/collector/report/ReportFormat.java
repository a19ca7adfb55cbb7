package dev.logredact.collector.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.logredact.collector.view.StatsView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's output formats. */
public enum ReportFormat {
    /** Aligned columns for a terminal, after a summary. */
    TABLE {
        @Override
        public String render(Report report) {
            StringBuilder out = new StringBuilder(summary(report.stats(), "")).append('\n');
            List<List<String>> rows = new ArrayList<>();
            rows.add(Columns.HEADERS.stream().map(h -> h.toUpperCase(Locale.ROOT)).toList());
            report.incidents().forEach(i -> rows.add(Columns.cells(i, true)));
            int[] widths = new int[Columns.HEADERS.size()];
            for (List<String> row : rows) {
                for (int c = 0; c < row.size(); c++) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
            for (List<String> row : rows) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < row.size(); c++) {
                    line.append(c == 0 ? "" : "  ").append(String.format("%-" + widths[c] + "s", row.get(c)));
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
            return out.toString();
        }
    },
    /** The figures and one row per incident, for a CI job summary or an issue. */
    MARKDOWN {
        @Override
        public String render(Report report) {
            StringBuilder out = new StringBuilder("## logredact incidents\n\n").append(summary(report.stats(), "- ")).append('\n');
            out.append(row(Columns.HEADERS)).append(row(Columns.HEADERS.stream().map(h -> "---").toList()));
            report.incidents().forEach(i -> out.append(row(Columns.cells(i, true).stream().map(ReportFormat::markdownCell).toList())));
            return out.toString();
        }

        private String row(List<String> cells) {
            return "| " + String.join(" | ", cells) + " |\n";
        }
    },
    /** One row per incident, RFC 4180, durations in seconds. */
    CSV {
        @Override
        public String render(Report report) {
            StringBuilder out = new StringBuilder(line(Columns.HEADERS));
            report.incidents().forEach(i -> out.append(line(Columns.cells(i, false))));
            return out.toString();
        }

        private String line(List<String> cells) {
            return String.join(",", cells.stream().map(ReportFormat::csvField).toList()) + "\r\n";
        }
    },
    /** The API's shapes: {@code {"stats": …, "incidents": […]}}. */
    JSON {
        @Override
        public String render(Report report) {
            try {
                return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    public abstract String render(Report report);

    private static String markdownCell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    /** Quoted when needed; a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
    private static String csvField(String s) {
        String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** Lines of figures, each after {@code bullet}. */
    static String summary(StatsView s, String bullet) {
        StringBuilder out = new StringBuilder();
        out.append(bullet).append("incidents: ").append(s.incidents()).append(" (").append(s.open()).append(" open, ")
                .append(s.remediated()).append(" remediated)\n");
        out.append(bullet).append("time to remediate: mean ").append(hours(s.meanTimeToRemediateSeconds()))
                .append(", p90 ").append(hours(s.p90TimeToRemediateSeconds())).append('\n');
        out.append(bullet).append("SLA breaches: ").append(s.slaBreaches()).append('\n');
        for (StatsView.GroupView g : s.byOwner()) {
            out.append(bullet).append("owner ").append(g.key() == null ? "(none)" : g.key()).append(": ")
                    .append(g.open()).append(" open of ").append(g.incidents()).append(", ")
                    .append(g.slaBreaches()).append(" SLA breaches\n");
        }
        return out.toString();
    }

    private static String hours(Double seconds) {
        return seconds == null ? "-" : Columns.duration(seconds);
    }

    /** The format named {@code name} (any case). */
    public static ReportFormat of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
