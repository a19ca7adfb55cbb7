package dev.logredact.collector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logredact.collector.testing.CollectorClient;
import dev.logredact.collector.testing.OtlpEvents;
import dev.logredact.collector.testing.SampleOwners;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shaded jar as people run it, on the JDK running the tests: {@code serve} with a token and an owners
 * file, protobuf+gzip in, the API out, a clean stop, then {@code report}. Only the start-up line may reach
 * stderr: no library noise, no JDK warnings.
 */
class CollectorJarIT {
    private static final Path JAR = Path.of("target", "logredact-collector.jar");
    private static final Pattern LISTENING = Pattern.compile("logredact-collector: listening on (http://127\\.0\\.0\\.1:\\d+) .*");
    private static final String TOKEN = "jar-it-token-7d1e";

    @TempDir
    Path dir;

    private ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile());
    }

    @Test
    void serveThenReport() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run with verify: the shaded jar is made at package");
        Path owners = dir.resolve("owners.toml");
        Files.writeString(owners, SampleOwners.TOML);
        ProcessBuilder serve = java("--port", "0", "--db", "c.db", "--owners", owners.toString());
        serve.environment().put("LOGREDACT_COLLECTOR_TOKEN", TOKEN);
        Process server = serve.start();
        List<String> stderr = new ArrayList<>();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> readLine(err)).get(120, TimeUnit.SECONDS);
            Matcher m = LISTENING.matcher(first == null ? "" : first);
            assertTrue(m.matches(), "start-up line: " + first);
            assertTrue(first.endsWith("(store: SQLite c.db; owners: 4 owner rules; token: required)"), first);
            CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> {
                for (String line; (line = readLine(err)) != null; ) {
                    stderr.add(line);
                }
            });

            CollectorClient client = new CollectorClient(URI.create(m.group(1)), TOKEN);
            byte[] body = OtlpEvents.gzip(OtlpEvents.protobuf(OtlpEvents.event(OtlpEvents.fingerprint(1), "DB_PASSWORD",
                    "https://github.com/acme/shop", Instant.parse("2026-02-01T00:00:00Z"))));
            HttpResponse<byte[]> r = client.postLogs(CollectorClient.PROTOBUF, body, "Content-Encoding", "gzip");
            assertEquals(200, r.statusCode());
            assertTrue(!ExportLogsServiceResponse.parseFrom(r.body()).hasPartialSuccess());
            JsonNode incident = client.getJson("/api/v1/incidents").get("items").get(0);
            assertEquals("team-db", incident.get("owner").asText());
            assertEquals(401, client.withToken(null).get("/api/v1/incidents").statusCode());

            server.destroy();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "stops on SIGTERM");
            rest.get(10, TimeUnit.SECONDS);
        } finally {
            server.destroyForcibly();
        }
        assertEquals(List.of(), stderr, "nothing but the start-up line on stderr");

        Process report = java("report", "--db", "c.db", "--format", "csv").redirectErrorStream(true).start();
        String out = new String(report.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(report.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, report.exitValue(), out);
        assertTrue(out.startsWith("id,state,owner,"), out);
        assertTrue(out.contains("\r\n1,open,team-db,,env:DB_PASSWORD,DB_PASSWORD,1,2026-02-01T00:00:00Z,"), out);
    }

    private static String readLine(BufferedReader r) {
        try {
            return r.readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
