package dev.logredact.collector.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logredact.collector.api.Api;
import dev.logredact.collector.api.ApiError;
import dev.logredact.collector.incident.EventRecorder;
import dev.logredact.collector.incident.GroupCommit;
import dev.logredact.collector.incident.IncidentConflictException;
import dev.logredact.collector.incident.OwnerRules;
import dev.logredact.collector.incident.Stats;
import dev.logredact.collector.incident.Triage;
import dev.logredact.collector.ingest.IngestCounters;
import dev.logredact.collector.ingest.LogsEndpoint;
import dev.logredact.collector.ingest.SecretCheck;
import dev.logredact.collector.store.Database;
import dev.logredact.collector.store.StoreUnavailableException;
import dev.logredact.collector.view.Listings;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The collector's HTTP server (Javalin on Jetty): the OTLP receiver at {@code /v1/logs}, the API under
 * {@code /api/v1}, {@code /healthz} and the page at {@code /}. The bearer token, when set, guards the
 * receiver and the API; the health check and the page (which holds no data) are open.
 */
public final class CollectorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CollectorServer.class);

    private final Javalin app;
    private final GroupCommit writer;

    private CollectorServer(Javalin app, GroupCommit writer) {
        this.app = app;
        this.writer = writer;
    }

    public static CollectorServer start(ServerSettings settings, Database db, OwnerRules owners, Clock clock) {
        ObjectMapper json = new ObjectMapper();
        SecretCheck secrets = new SecretCheck();
        IngestCounters counters = new IngestCounters();
        GroupCommit writer = new GroupCommit(new EventRecorder(db, owners), db.timeout());
        LogsEndpoint logs = new LogsEndpoint(writer, secrets, counters, clock, settings.maxBodyBytes(),
                settings.maxConcurrentIngest());
        Api api = new Api(new Listings(db, clock), new Triage(db, clock), new Stats(db, clock), counters, secrets, json);
        BearerAuth auth = new BearerAuth(settings.token());
        Javalin app = Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(json, false));
            // API bodies are small; the receiver reads its body itself, under its own limit.
            config.http.maxRequestSize = 64 * 1024;
            config.http.prefer405over404 = true;
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Cache-Control", "no-store");
                guard(ctx, auth);
            });
            config.routes.get("/healthz", ctx -> health(ctx, db));
            DashboardFiles.register(config.staticFiles);
            config.routes.post("/v1/logs", logs);
            api.register(config.routes);
            config.routes.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
            config.routes.exception(IncidentConflictException.class,
                    (e, ctx) -> ctx.status(409).json(new ApiError.Body(409, e.getMessage(), null)));
            config.routes.exception(StoreUnavailableException.class, (e, ctx) -> {
                LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                ctx.header("Retry-After", "5").status(503)
                        .json(new ApiError.Body(503, "the store is unavailable; retry later", null));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(new ApiError.Body(500, "internal error; see the collector's log", null));
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
        return new CollectorServer(app, writer);
    }

    private static void guard(Context ctx, BearerAuth auth) {
        String path = ctx.path();
        boolean guarded = path.startsWith("/v1/") || path.startsWith("/api/");
        if (!guarded || auth.allows(ctx.header("Authorization"))) {
            return;
        }
        if (path.startsWith("/v1/")) {
            LogsEndpoint.unauthorized(ctx);
        } else {
            ctx.header("WWW-Authenticate", "Bearer").status(401)
                    .json(new ApiError.Body(401, "a valid bearer token is required", "Authorization"));
        }
        ctx.skipRemainingHandlers();
    }

    private static void health(Context ctx, Database db) {
        if (db.reachable()) {
            ctx.json(new Health("ok"));
        } else {
            ctx.status(503).json(new Health("store unavailable"));
        }
    }

    private record Health(String status) {
    }

    /** The port listened on (the one chosen when 0 was asked for). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        writer.close();
    }
}
