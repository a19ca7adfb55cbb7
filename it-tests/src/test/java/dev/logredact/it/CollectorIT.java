package dev.logredact.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logredact.it.apps.LeakyApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole story with both real jars: the collector jar serving (token, owners file, SQLite), a JVM with
 * the agent that leaks a token on stderr and an environment secret on stdout, the events in the
 * collector's API with their CI context, a second build with a new value of the secret noticed as a
 * rotation, and the collector's report. The collector prints nothing on stderr but its start-up line.
 */
class CollectorIT {
    private static final Pattern LISTENING = Pattern.compile("logredact-collector: listening on (http://127\\.0\\.0\\.1:\\d+) .*");
    private static final String TOKEN = "it-collector-token-5c2b";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path collectorJar() {
        Path jar = Paths.get(System.getProperty("logredact.collector.jar", "../collector/target/logredact-collector.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run the build with 'verify', which packages it first");
        return jar;
    }

    private ProcessBuilder collector(String... args) {
        List<String> command = new ArrayList<>(List.of(AgentJar.java().toString(), "-jar", collectorJar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile());
        b.environment().put("LOGREDACT_COLLECTOR_TOKEN", TOKEN);
        return b;
    }

    private AgentJar.Run build(String url, String deployToken, String runId) throws Exception {
        List<String> command = List.of(AgentJar.java().toString(), "-javaagent:" + AgentJar.path(),
                "-Dlogredact.collector.endpoint=" + url,
                "-Dlogredact.spool.dir=" + dir.resolve("spool-" + runId),
                "-cp", Paths.get(LeakyApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                LeakyApp.class.getName(), "stderr", "env");
        Map<String, String> env = new HashMap<>();
        env.put("DEPLOY_TOKEN", deployToken);
        env.put("LOGREDACT_COLLECTOR_HEADERS", "Authorization=Bearer " + TOKEN);
        env.put("LOGREDACT_FINGERPRINT_KEY", "it-fingerprint-key-81f3");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_REPOSITORY", "acme/shop");
        env.put("GITHUB_RUN_ID", runId);
        env.put("GITHUB_WORKFLOW", "build");
        env.put("GITHUB_JOB", "test");
        env.put("GITHUB_SHA", "6f1f0c3d2b100a6b0f2e1c7d4f529a516f1f0c3d");
        return AgentJar.run(command, env);
    }

    private static JsonNode get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void agentEventsBecomeOwnedIncidentsAndARotationIsNoticed() throws Exception {
        Files.writeString(dir.resolve("owners.toml"), "[[owners]]\nsecret_name = \"DEPLOY_*\"\nowner = \"release\"\nsla_hours = 12\n"
                + "[[owners]]\nowner = \"security\"\nsla_hours = 72\n");
        Process server = collector("--port", "0", "--db", "c.db", "--owners", "owners.toml").start();
        List<String> stderr = new ArrayList<>();
        // Its own threads: a blocked reader in the common pool would starve AgentJar's (its parallelism is 1 on 2 cores).
        ExecutorService readers = Executors.newCachedThreadPool();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
            String first = readers.submit(() -> readLine(err)).get(120, TimeUnit.SECONDS);
            Matcher m = LISTENING.matcher(first == null ? "" : first);
            assertTrue(m.matches(), "start-up line: " + first);
            Future<?> rest = readers.submit(() -> {
                for (String line; (line = readLine(err)) != null; ) {
                    stderr.add(line);
                }
            });
            String url = m.group(1);

            AgentJar.Run run = build(url, "dt-7Hq2Lx9Vb4Nc6Mz1Kp3Wr8", "101");
            assertEquals(0, run.exitCode, run.stderr);
            assertTrue(run.stderr.matches("(?s).*events: \\d+ sent, 0 spooled, 0 dead-lettered\n.*"), run.stderr);
            assertFalse(run.stderr.contains(LeakyApp.PAT) || run.out().contains("dt-7Hq2Lx9Vb4Nc6Mz1Kp3Wr8"));

            HttpClient http = HttpClient.newHttpClient();
            JsonNode incidents = get(http, url + "/api/v1/incidents?sort=id");
            assertEquals(2, incidents.get("total").asInt(), incidents.toString());
            JsonNode deploy = find(incidents, "env:DEPLOY_TOKEN");
            assertEquals("release", deploy.get("owner").asText());
            assertEquals("https://github.com/acme/shop", deploy.get("repositories").get(0).asText());
            assertEquals("test", deploy.get("jobs").get(0).asText());
            assertEquals("security", find(incidents, "github-pat").get("owner").asText());
            JsonNode event = get(http, url + "/api/v1/events?incident=" + deploy.get("id").asInt()).get("items").get(0);
            assertEquals("https://github.com/acme/shop/actions/runs/101", event.get("runUrl").asText());
            assertEquals("6f1f0c3d2b100a6b0f2e1c7d4f529a516f1f0c3d", event.get("commit").asText());
            assertEquals("stdout", event.get("channel").asText());

            assertEquals(0, build(url, "dt-9Rt5Yw2Qa8Sd4Fg6Hj1Kl3", "102").exitCode);
            JsonNode after = get(http, url + "/api/v1/incidents/" + deploy.get("id").asInt()).get("incident");
            assertEquals("rotated", after.get("state").asText(), "a new DEPLOY_TOKEN in the same repository replaced the old one");
            assertEquals("auto", after.get("stateBy").asText());
            assertEquals(3, get(http, url + "/api/v1/stats").get("incidents").asInt());
            assertEquals(0, get(http, url + "/api/v1/stats").get("ingest").get("rejected").asInt());

            server.destroy();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "stops on SIGTERM");
            rest.get(10, TimeUnit.SECONDS);
        } finally {
            server.destroyForcibly();
            readers.shutdownNow();
        }
        assertEquals(List.of(), stderr, "nothing but the start-up line on the collector's stderr");

        Process report = collector("report", "--db", "c.db", "--format", "markdown").redirectErrorStream(true).start();
        String md = new String(report.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(report.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, report.exitValue(), md);
        assertTrue(md.startsWith("## logredact incidents\n\n- incidents: 3 (2 open, 1 remediated)\n"), md);
        assertTrue(md.contains("| rotated | release |"), md);
    }

    private static JsonNode find(JsonNode page, String rule) {
        for (JsonNode i : page.get("items")) {
            if (i.get("rule").asText().equals(rule)) {
                return i;
            }
        }
        throw new AssertionError("no incident of rule " + rule + " in " + page);
    }

    private static String readLine(BufferedReader r) {
        try {
            return r.readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
