package dev.logredact.collector.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logredact.collector.cli.Main;
import dev.logredact.collector.incident.EventRecorder;
import dev.logredact.collector.incident.Triage;
import dev.logredact.collector.model.IncidentState;
import dev.logredact.collector.store.Database;
import dev.logredact.collector.testing.SampleOwners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.logredact.collector.testing.Events.event;
import static dev.logredact.collector.testing.OtlpEvents.fingerprint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code report} in each format, run as the command line runs it, from a store with known incidents. */
class ReportCommandTest {
    private static final String SHOP = "https://github.com/acme/shop";
    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void fill() {
        db = dir.resolve("c.db");
        try (Database store = Database.open(db.toString(), null, Duration.ofSeconds(5), false)) {
            EventRecorder recorder = new EventRecorder(store, SampleOwners.rules());
            recorder.record(List.of(event(fingerprint(1), "DB_PASSWORD", SHOP, T0),
                    event(fingerprint(2), "DB_PASSWORD", SHOP, T0.plus(Duration.ofHours(26))),
                    event(fingerprint(3), "=HYPERLINK(\"x\"),A", SHOP + ",fork", T0.plus(Duration.ofHours(27)))));
            new Triage(store, Clock.systemUTC()).apply(3, new Triage.Change(IncidentState.ACCEPTED, true, "carol", "carol"));
        }
    }

    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void tableForATerminal() {
        String[] r = run("report", "--db", db.toString());
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].split("\n");
        assertEquals("incidents: 3 (1 open, 1 remediated)", lines[0]);
        assertEquals("time to remediate: mean 1d 2h, p90 1d 2h", lines[1]);
        assertEquals("SLA breaches: 2", lines[2]);
        String header = List.of(lines).stream().filter(l -> l.startsWith("ID ")).findFirst().orElseThrow();
        assertTrue(header.matches("ID +STATE +OWNER +ASSIGNEE +RULE +SECRET +OCCURRENCES +FIRST SEEN +LAST SEEN +TIME TO REMEDIATE +SLA +REPOSITORIES"), header);
        assertTrue(r[1].contains("rotated   team-db"), r[1]);
        assertTrue(r[1].contains("1d 2h"), r[1]);
        assertTrue(r[1].contains("breached 24h"), r[1]);
    }

    @Test
    void markdownForAJobSummary() {
        String md = run("report", "--db", db.toString(), "--format", "markdown")[1];
        assertTrue(md.startsWith("## logredact incidents\n\n- incidents: 3 (1 open, 1 remediated)\n"), md);
        assertTrue(md.contains("\n| id | state | owner | assignee | rule | secret | occurrences | first seen | last seen "
                + "| time to remediate | sla | repositories |\n| --- |"), md);
        assertTrue(md.contains("| 1 | rotated | team-db |  | env:DB_PASSWORD | DB_PASSWORD | 1 | 2026-02-01T00:00:00Z "), md);
    }

    @Test
    void csvForASpreadsheetWithoutFormulas() {
        String[] rows = run("report", "--db", db.toString(), "--format", "csv")[1].split("\r\n");
        assertEquals(4, rows.length);
        assertEquals("id,state,owner,assignee,rule,secret,occurrences,first seen,last seen,time to remediate,sla,repositories", rows[0]);
        String accepted = rows[1];
        assertTrue(accepted.startsWith("3,accepted,security,carol,"), accepted);
        assertTrue(accepted.contains(",\"'=HYPERLINK(\"\"x\"\"),A\","), "quoted, and defused with a leading quote: " + accepted);
        assertTrue(accepted.endsWith(",\"" + SHOP + ",fork\""), accepted);
        assertTrue(rows[3].contains(",93600.0,breached 24h,"), "seconds in CSV; rotated after the SLA: " + rows[3]);
    }

    @Test
    void jsonHasTheApiShapes() throws Exception {
        JsonNode report = new ObjectMapper().readTree(run("report", "--db", db.toString(), "--format", "json", "--state", "open,rotated")[1]);
        assertEquals(3, report.get("stats").get("incidents").asInt());
        assertTrue(report.get("stats").get("ingest").isNull());
        assertEquals(2, report.get("incidents").size());
        assertEquals("open", report.get("incidents").get(0).get("state").asText());
        assertEquals(93600.0, report.get("incidents").get(1).get("timeToRemediateSeconds").asDouble());
    }

    @Test
    void mistakesAreOneLineAndExitTwo() {
        String[] noDb = run("report", "--db", dir.resolve("none.db").toString());
        assertEquals("2", noDb[0]);
        assertEquals("logredact-collector: --db: there is no database at " + dir.resolve("none.db") + "\n", noDb[2]);
        String[] format = run("report", "--db", db.toString(), "--format", "xml");
        assertEquals("2", format[0]);
        assertEquals("logredact-collector: --format must be table, json, csv or markdown\n", format[2]);
        String[] state = run("report", "--db", db.toString(), "--state", "closed");
        assertEquals("logredact-collector: --state must be one of open, rotated, revoked, false_positive, accepted\n", state[2]);
    }
}
