package dev.logredact.collector.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logredact.collector.incident.Stats;
import dev.logredact.collector.incident.Triage;
import dev.logredact.collector.ingest.IngestCounters;
import dev.logredact.collector.ingest.SecretCheck;
import dev.logredact.collector.model.Incident;
import dev.logredact.collector.store.EventFilter;
import dev.logredact.collector.store.IncidentFilter;
import dev.logredact.collector.view.IncidentDetail;
import dev.logredact.collector.view.Listings;
import dev.logredact.collector.view.StatsView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/** The REST API of ARCHITECTURE §7 under {@code /api/v1}: JSON in, JSON out, strict about both. */
public final class Api {
    private static final int DETAIL_EVENTS = 100;
    private static final int DEFAULT_DAYS = 30;
    private static final int MAX_DAYS = 366;
    private static final Map<String, IncidentFilter.Sort> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("lastSeen", IncidentFilter.Sort.LAST_SEEN);
        SORTS.put("firstSeen", IncidentFilter.Sort.FIRST_SEEN);
        SORTS.put("occurrences", IncidentFilter.Sort.OCCURRENCES);
        SORTS.put("id", IncidentFilter.Sort.ID);
    }
    private static final Set<String> INCIDENT_PARAMS =
            Set.of("state", "owner", "assignee", "repository", "rule", "secretName", "q", "sort", "limit", "offset");
    private static final Set<String> EVENT_PARAMS = Set.of("fingerprint", "incident", "repository", "rule", "secretName",
            "job", "channel", "instance", "since", "until", "limit", "offset");

    private final Listings listings;
    private final Triage triage;
    private final Stats stats;
    private final IngestCounters counters;
    private final SecretCheck secrets;
    private final ObjectMapper json;

    public Api(Listings listings, Triage triage, Stats stats, IngestCounters counters, SecretCheck secrets, ObjectMapper json) {
        this.listings = listings;
        this.triage = triage;
        this.stats = stats;
        this.counters = counters;
        this.secrets = secrets;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/incidents", this::incidents);
        routes.get("/api/v1/incidents/{id}", this::incident);
        routes.patch("/api/v1/incidents/{id}", this::patch);
        routes.get("/api/v1/events", this::events);
        routes.get("/api/v1/stats", this::stats);
        routes.get("/api/v1/exposures", this::exposures);
    }

    private void incidents(Context ctx) {
        Params p = new Params(ctx, INCIDENT_PARAMS, Set.of("state"));
        String sort = p.choice("sort", List.copyOf(SORTS.keySet()), "lastSeen");
        IncidentFilter filter = new IncidentFilter(p.states("state"), p.text("owner"), p.text("assignee"),
                p.text("repository"), p.text("rule"), p.text("secretName"), p.text("q"),
                SORTS.get(sort));
        int limit = p.limit();
        long offset = p.offset();
        ctx.json(PageView.of(listings.incidents(filter, limit, offset), limit, offset));
    }

    private void incident(Context ctx) {
        long id = id(ctx);
        IncidentDetail detail = listings.incident(id, DETAIL_EVENTS);
        if (detail == null) {
            throw ApiError.notFound("no incident " + id);
        }
        ctx.json(detail);
    }

    private void patch(Context ctx) {
        long id = id(ctx);
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "Content-Type", "Content-Type: must be application/json");
        }
        Triage.Change change = PatchRequest.parse(ctx.body(), json, secrets);
        Incident updated = triage.apply(id, change);
        if (updated == null) {
            throw ApiError.notFound("no incident " + id);
        }
        ctx.json(listings.view(updated));
    }

    private void events(Context ctx) {
        Params p = new Params(ctx, EVENT_PARAMS, Set.of());
        EventFilter filter = new EventFilter(p.text("fingerprint"), p.integer("incident", 1, Long.MAX_VALUE),
                p.text("repository"), p.text("rule"), p.text("secretName"), p.text("job"), p.text("channel"),
                p.text("instance"), p.instant("since"), p.instant("until"));
        int limit = p.limit();
        long offset = p.offset();
        ctx.json(PageView.of(listings.events(filter, limit, offset), limit, offset));
    }

    private void stats(Context ctx) {
        new Params(ctx, Set.of(), Set.of());
        ctx.json(StatsView.of(stats.snapshot(), new StatsView.IngestView(counters.stored(), counters.duplicates(),
                counters.rejected(), counters.ignored(), counters.refusedRequests())));
    }

    private void exposures(Context ctx) {
        Long days = new Params(ctx, Set.of("days"), Set.of()).integer("days", 1, MAX_DAYS);
        ctx.json(listings.exposures(days == null ? DEFAULT_DAYS : days.intValue()));
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw ApiError.badRequest("id", "must be a positive whole number");
    }
}
