package dev.logredact.collector.server;

import io.javalin.config.StaticFilesConfig;
import io.javalin.http.staticfiles.Location;

import java.util.Map;

/**
 * The dashboard at {@code /}: its HTML, CSS and JavaScript from the classpath, served by Javalin's static
 * files. The page shows data that came from CI builds, so its policy lets the browser run our own script
 * file and nothing else: no inline script or style, no other origin, no framing, no referrer to the CI
 * links it shows.
 */
final class DashboardFiles {
    static final String DIRECTORY = "/dev/logredact/collector/web";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private DashboardFiles() {
    }

    static void register(StaticFilesConfig files) {
        files.add(f -> {
            f.hostedPath = "/";
            f.directory = DIRECTORY;
            f.location = Location.CLASSPATH;
            f.headers = Map.of(
                    "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                    "X-Content-Type-Options", "nosniff",
                    "Referrer-Policy", "no-referrer",
                    "Cache-Control", "no-cache");
            // Said outright, so no browser has to guess how the files are encoded.
            f.mimeTypes.add("text/html; charset=utf-8", "html");
            f.mimeTypes.add("text/css; charset=utf-8", "css");
            f.mimeTypes.add("text/javascript; charset=utf-8", "js");
        });
    }
}
