package dev.logredact.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on a running collector: {@code --senders} threads on loopback, each posting OTLP/JSON batches of
 * {@code --batch} redaction events shaped as the agent sends them, for a warm-up and then
 * {@code --seconds} measured; 429/503 answers are retried after their Retry-After, as the agent does.
 * At the end it asks the collector how many events it stored and says whether any acknowledged event is
 * missing. Prints one Markdown table row. With {@code --ignored} the records are ordinary log records,
 * which the collector decodes, checks and counts but does not store: the baseline of HTTP and decoding.
 *
 * <pre>java -cp benchmarks.jar dev.logredact.bench.CollectorLoad --url http://127.0.0.1:4318 --senders 50 --seconds 20</pre>
 */
public final class CollectorLoad {
    private static final Pattern EVENTS = Pattern.compile("\"events\":(\\d+)");
    private static final Pattern REJECTED = Pattern.compile("\"rejected\":(\\d+)");
    private static final Pattern IGNORED = Pattern.compile("\"ignored\":(\\d+)");

    private final URI url;
    private final int senders;
    private final int batch;
    private final int secrets;
    private final boolean ignored;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private CollectorLoad(URI url, int senders, int batch, int secrets, boolean ignored) {
        this.url = url;
        this.senders = senders;
        this.batch = batch;
        this.secrets = secrets;
        this.ignored = ignored;
    }

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:4318";
        int senders = 50;
        int seconds = 20;
        int warmup = 5;
        int batch = 20;
        int secrets = 200;
        boolean ignored = false;
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--ignored")) {
                ignored = true;
                i--;
                continue;
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = v;
                case "--senders" -> senders = Integer.parseInt(v);
                case "--seconds" -> seconds = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--batch" -> batch = Integer.parseInt(v);
                case "--secrets" -> secrets = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        CollectorLoad load = new CollectorLoad(URI.create(url), senders, batch, secrets, ignored);
        load.run(0, warmup * 1000L, new long[0][]);
        long storedBefore = load.stored();
        load.acknowledged.set(0);
        load.refused.set(0);
        long[][] latencies = new long[senders][];
        long started = System.nanoTime();
        load.run(1, seconds * 1000L, latencies);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        long stored = load.stored() - storedBefore;
        String rejected = load.matchStats(REJECTED);
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %d | %d | %.0f | %.1f | %.1f | %.1f | %d | %d | %s | %s |%n",
                ignored ? "decode only (ignored records)" : "stored", senders, batch, elapsed, all.length, load.acknowledged.get(), load.acknowledged.get() / elapsed,
                ms(all, 50), ms(all, 99), ms(all, 100), load.refused.get(), load.failed.get(),
                stored == load.acknowledged.get() ? "0" : "**" + (load.acknowledged.get() - stored) + "**", rejected);
        if (stored != load.acknowledged.get() || load.failed.get() > 0 || !"0".equals(rejected)) {
            System.exit(1);
        }
    }

    /** Runs every sender for {@code millis}; each fills its slot of {@code latencies} when given one. */
    private void run(int phase, long millis, long[][] latencies) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        CountDownLatch done = new CountDownLatch(senders);
        for (int s = 0; s < senders; s++) {
            int sender = s;
            Thread t = new Thread(() -> {
                try {
                    long[] mine = send(phase, sender, deadline);
                    if (latencies.length > 0) {
                        latencies[sender] = mine;
                    }
                } finally {
                    done.countDown();
                }
            }, "sender-" + s);
            t.setDaemon(true);
            t.start();
        }
        done.await();
    }

    /** One sender's loop: the latency of each acknowledged request, in nanoseconds. */
    private long[] send(int phase, int sender, long deadline) {
        long[] latencies = new long[1024];
        int n = 0;
        long seq = 0;
        String instance = "load-" + phase + "-" + sender + "-" + ProcessHandle.current().pid();
        while (System.currentTimeMillis() < deadline) {
            StringBuilder records = new StringBuilder();
            for (int i = 0; i < batch; i++) {
                records.append(i == 0 ? "" : ",").append(record(instance, ++seq, sender));
            }
            byte[] body = envelope(instance, sender, records).getBytes(StandardCharsets.UTF_8);
            while (true) {
                long t0 = System.nanoTime();
                HttpResponse<String> r;
                try {
                    r = http.send(HttpRequest.newBuilder(url.resolve("/v1/logs")).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    failed.incrementAndGet();
                    return Arrays.copyOf(latencies, n);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Arrays.copyOf(latencies, n);
                }
                long took = System.nanoTime() - t0;
                if (r.statusCode() == 429 || r.statusCode() == 503) {
                    refused.incrementAndGet();
                    sleepSeconds(r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
                    continue;
                }
                boolean rejectedSome = r.body().contains("rejectedLogRecords") && !r.body().contains("rejectedLogRecords\":\"0\"");
                if (r.statusCode() != 200 || rejectedSome) {
                    failed.incrementAndGet();
                    return Arrays.copyOf(latencies, n);
                }
                acknowledged.addAndGet(batch);
                if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                }
                latencies[n++] = took;
                break;
            }
        }
        return Arrays.copyOf(latencies, n);
    }

    /** One event as the agent writes it; the sender's secrets repeat, so most events add to an incident. */
    private String record(String instance, long seq, int sender) {
        int secret = (int) ((sender * 7919L + seq) % secrets);
        String fingerprint = String.format("v1:%032x", 0x5EC12E7L * (secret + 1));
        long nanos = System.currentTimeMillis() * 1_000_000L;
        return "{\"timeUnixNano\":\"" + nanos + "\",\"severityNumber\":13,\"severityText\":\"WARN\","
                + (ignored ? "" : "\"eventName\":\"logredact.secret.redacted\",")
                + "\"body\":{\"stringValue\":\"Masked env:SECRET_" + secret
                + " on stdout\"},\"attributes\":["
                + attr("logredact.rule.id", "env:SECRET_" + secret) + "," + attr("logredact.secret.kind", "literal") + ","
                + attr("logredact.secret.name", "SECRET_" + secret) + ","
                + attr(ignored ? "app.fingerprint" : "logredact.secret.fingerprint", fingerprint) + ","
                + attr("logredact.variant", "plain") + "," + attr("logredact.channel", "stdout") + ","
                + attr("logredact.thread", "main") + ",{\"key\":\"logredact.count\",\"value\":{\"intValue\":\"1\"}},"
                + "{\"key\":\"logredact.event.seq\",\"value\":{\"intValue\":\"" + seq + "\"}},"
                + attr("log.record.uid", instance + "-" + seq) + "]}";
    }

    private static String envelope(String instance, int sender, CharSequence records) {
        String repository = "https://github.com/acme/service-" + (sender % 10);
        return "{\"resourceLogs\":[{\"resource\":{\"attributes\":[" + attr("service.name", "logredact-agent") + ","
                + attr("service.instance.id", instance) + "," + attr("host.name", "runner-" + sender) + ","
                + attr("cicd.pipeline.name", "build") + "," + attr("cicd.pipeline.task.name", "test") + ","
                + attr("cicd.pipeline.run.id", "1000" + sender) + ","
                + attr("cicd.pipeline.run.url.full", repository + "/actions/runs/1000" + sender) + ","
                + attr("vcs.repository.url.full", repository) + "," + attr("vcs.ref.head.name", "main") + "]},"
                + "\"scopeLogs\":[{\"scope\":{\"name\":\"logredact\"},\"logRecords\":[" + records + "]}]}]}";
    }

    private static String attr(String key, String value) {
        return "{\"key\":\"" + key + "\",\"value\":{\"stringValue\":\"" + value + "\"}}";
    }

    /** What the collector says it kept: events stored, or records ignored in the baseline. */
    private long stored() {
        return Long.parseLong(matchStats(ignored ? IGNORED : EVENTS));
    }

    private String matchStats(Pattern p) {
        try {
            String stats = http.send(HttpRequest.newBuilder(url.resolve("/api/v1/stats")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = p.matcher(stats);
            if (!m.find()) {
                throw new IllegalStateException("no " + p + " in " + stats);
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double ms(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static void sleepSeconds(long seconds) {
        try {
            Thread.sleep(Math.max(0, Math.min(seconds, 60)) * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
