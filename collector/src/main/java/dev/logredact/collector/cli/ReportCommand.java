package dev.logredact.collector.cli;

import dev.logredact.collector.incident.Stats;
import dev.logredact.collector.model.IncidentState;
import dev.logredact.collector.report.Report;
import dev.logredact.collector.report.ReportFormat;
import dev.logredact.collector.store.Database;
import dev.logredact.collector.store.IncidentFilter;
import dev.logredact.collector.store.Page;
import dev.logredact.collector.view.IncidentView;
import dev.logredact.collector.view.Listings;
import dev.logredact.collector.view.StatsView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code report}: the figures and the incidents from the store, for a terminal, a CI summary or a spreadsheet. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Print the incidents and figures from the store.")
final class ReportCommand implements Callable<Integer> {
    private static final int PAGE = 500;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--format", defaultValue = "table", description = "table, json, csv or markdown (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--state", split = ",", paramLabel = "STATE",
            description = "only incidents in these states: open, rotated, revoked, false_positive, accepted")
    List<String> states = new ArrayList<>();

    @Override
    public Integer call() {
        ReportFormat output;
        try {
            output = ReportFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be table, json, csv or markdown");
        }
        List<String> wanted = new ArrayList<>();
        for (String s : states) {
            try {
                wanted.add(IncidentState.parse(s.trim()).id());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--state " + e.getMessage());
            }
        }
        Clock clock = Clock.systemUTC();
        try (Database db = store.open(true)) {
            Listings listings = new Listings(db, clock);
            IncidentFilter filter = new IncidentFilter(wanted, null, null, null, null, null, null, IncidentFilter.Sort.LAST_SEEN);
            List<IncidentView> incidents = new ArrayList<>();
            for (long offset = 0; ; offset += PAGE) {
                Page<IncidentView> page = listings.incidents(filter, PAGE, offset);
                incidents.addAll(page.items());
                if (page.items().size() < PAGE) {
                    break;
                }
            }
            StatsView stats = StatsView.of(new Stats(db, clock).snapshot(), null);
            spec.commandLine().getOut().print(output.render(new Report(stats, incidents)));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
