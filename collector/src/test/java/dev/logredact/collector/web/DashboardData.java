package dev.logredact.collector.web;

import dev.logredact.collector.testing.CollectorClient;
import dev.logredact.collector.testing.OtlpEvents;
import dev.logredact.collector.testing.TestCollector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A month of CI builds leaking secrets, sent to a collector as agents send them (OTLP/JSON to
 * {@code POST /v1/logs}), and two incidents already dealt with at known times, so the time to remediate
 * is known: revoked after 30 h, rotated after 66 h (mean 48 h, p90 66 h).
 */
final class DashboardData {
    static final String SHOP = "https://github.com/acme/shop";
    static final String API = "https://github.com/acme/api";
    static final String WEB = "https://github.com/acme/web";
    static final String INFRA = "https://git.example.com/ops/infra";
    static final double MEAN_TO_REMEDIATE_SECONDS = 48 * 3600.0;
    static final double P90_TO_REMEDIATE_SECONDS = 66 * 3600.0;

    /** One exposed secret: {@code secretName} null for a pattern rule's find. */
    record Leak(int n, String secretName, String rule, String repository, String job, Instant first, int occurrences) {
        String fingerprint() {
            return OtlpEvents.fingerprint(n);
        }

        long runId(int occurrence) {
            return 7_340_000L + n * 10L + occurrence;
        }

        String runUrl(int occurrence) {
            return repository + "/actions/runs/" + runId(occurrence);
        }
    }

    static final Leak DB_PASSWORD = new Leak(1, "DB_PASSWORD", null, SHOP, "test", at("2026-02-20T09:00:00Z"), 3);
    static final Leak GITHUB_PAT = new Leak(2, null, "github-pat", API, "build", at("2026-02-24T14:30:00Z"), 2);
    static final Leak STRIPE_KEY = new Leak(4, "STRIPE_API_KEY", null, SHOP, "test", at("2026-02-10T00:00:00Z"), 2);
    static final Leak NPM_TOKEN = new Leak(5, "NPM_TOKEN", null, WEB, "publish", at("2026-02-12T00:00:00Z"), 1);
    static final Leak AWS_KEY = new Leak(11, null, "aws-access-key-id", INFRA, "plan", at("2026-02-16T10:00:00Z"), 1);
    static final List<Leak> LEAKS = List.of(
            DB_PASSWORD,
            GITHUB_PAT,
            new Leak(3, "CACHE_PASSWORD", null, SHOP, "deploy", at("2026-02-25T08:00:00Z"), 1),
            STRIPE_KEY,
            NPM_TOKEN,
            new Leak(6, "SLACK_WEBHOOK_URL", null, API, "notify", at("2026-02-26T11:00:00Z"), 1),
            new Leak(7, "SONAR_TOKEN", null, API, "analyse", at("2026-02-24T16:00:00Z"), 4),
            new Leak(8, "DB_REPLICA_PASSWORD", null, API, "integration-test", at("2026-02-22T03:00:00Z"), 2),
            new Leak(9, "DOCKERHUB_PASSWORD", null, WEB, "image", at("2026-02-18T12:00:00Z"), 1),
            new Leak(10, "SENTRY_AUTH_TOKEN", null, WEB, "release", at("2026-02-27T20:00:00Z"), 2),
            AWS_KEY);

    private DashboardData() {
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    /** Sends every leak's events, then revokes and rotates two of them; the clock ends at {@link TestCollector#NOW}. */
    static void seed(TestCollector collector) {
        List<OtlpEvents.Record> records = new ArrayList<>();
        for (Leak leak : LEAKS) {
            for (int i = 0; i < leak.occurrences(); i++) {
                records.add(record(leak, i));
            }
        }
        collector.client.postJson(OtlpEvents.json(records.toArray(OtlpEvents.Record[]::new)), 200);
        assertEquals(records.size(), collector.client.getJson("/api/v1/stats").get("events").asInt(), "every event stored");
        change(collector, STRIPE_KEY, "revoked", STRIPE_KEY.first().plus(Duration.ofHours(30)));
        change(collector, NPM_TOKEN, "rotated", NPM_TOKEN.first().plus(Duration.ofHours(66)));
        collector.clock.set(TestCollector.NOW);
    }

    /** The {@code occurrence}th event of {@code leak}, as an agent in that CI run reports it. */
    static OtlpEvents.Record record(Leak leak, int occurrence) {
        Instant time = leak.first().plus(Duration.ofHours(26L * occurrence));
        assertTrue(time.isBefore(TestCollector.NOW), "builds ran before the collector's now");
        String name = leak.secretName() == null ? leak.rule() : leak.secretName();
        OtlpEvents.Record r = OtlpEvents.event(leak.fingerprint(), name, leak.repository(), time);
        String channel = occurrence % 2 == 0 ? "stdout" : "logback:com.acme.build.Startup";
        r.attr("logredact.rule.id", leak.secretName() == null ? leak.rule() : "env:" + leak.secretName())
                .attr("logredact.secret.kind", leak.secretName() == null ? "pattern" : "literal")
                .attr("logredact.secret.name", leak.secretName())
                .attr("logredact.channel", channel)
                .body("Masked " + name + " on " + channel + "; rotate it")
                .res("service.instance.id", "4f1c2d3e-0000-4000-8000-" + String.format("%012d", leak.runId(occurrence)))
                .res("host.name", "runner-" + (leak.n() % 4 + 1))
                .res("cicd.pipeline.task.name", leak.job())
                .res("cicd.pipeline.run.id", Long.toString(leak.runId(occurrence)))
                .res("cicd.pipeline.run.url.full", leak.runUrl(occurrence))
                .res("vcs.ref.head.revision", commit(leak));
        return r;
    }

    /** A commit id of the real form (40 hex digits), one per leak. */
    private static String commit(Leak leak) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(("acme commit " + leak.n()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    private static void change(TestCollector collector, Leak leak, String state, Instant when) {
        long id = id(collector.client, leak);
        collector.clock.set(when);
        collector.client.patchJson("/api/v1/incidents/" + id, "{\"state\":\"" + state + "\",\"by\":\"carol\"}");
    }

    /** The incident id of {@code leak}. */
    static long id(CollectorClient client, Leak leak) {
        return client.getJson("/api/v1/incidents?q=" + leak.fingerprint()).get("items").get(0).get("id").asLong();
    }
}
