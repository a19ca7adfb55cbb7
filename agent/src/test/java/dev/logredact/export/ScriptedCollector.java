package dev.logredact.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A real OTLP/HTTP endpoint on a loopback port for tests: records every request (body gunzipped and
 * checked to be JSON) and answers as scripted, reply by reply, then with 200 and an empty response.
 * As a registered extension it stops after each test.
 */
final class ScriptedCollector implements AutoCloseable, AfterEachCallback {
    private static final Pattern UID = Pattern.compile("\"key\":\"log\\.record\\.uid\",\"value\":\\{\"stringValue\":\"([^\"]+)\"}");
    private static final JsonFactory JSON = new JsonFactory();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new ArrayList<>();
    private volatile Function<Request, Reply> responder;

    private ScriptedCollector(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static ScriptedCollector start() {
        try {
            return new ScriptedCollector(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On a given port: for a collector that comes up where an exporter has been trying. */
    static ScriptedCollector startOn(int port) throws IOException {
        return new ScriptedCollector(port);
    }

    /** A loopback port nothing listens on (for now). */
    static int unusedPort() throws IOException {
        try (ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return reserved.getLocalPort();
        }
    }

    /** The logs URL on {@code port}, as an exporter takes it. */
    static URI endpointOn(int port) {
        return URI.create("http://127.0.0.1:" + port + "/v1/logs");
    }

    URI endpoint() {
        return endpointOn(server.getAddress().getPort());
    }

    /** The next replies, in order. */
    ScriptedCollector script(Reply... replies) {
        for (Reply reply : replies) {
            script.add(reply);
        }
        return this;
    }

    /** Replies chosen by the request, once the script is used up. */
    ScriptedCollector respond(Function<Request, Reply> responder) {
        this.responder = responder;
        return this;
    }

    List<Request> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    /** Every uid received, with repeats. */
    List<String> uids() {
        List<String> uids = new ArrayList<>();
        for (Request request : requests()) {
            if (request.reply.status == 200) {
                uids.addAll(request.uids);
            }
        }
        return uids;
    }

    /** Waits until every uid was received in a request answered 200; false after {@code millis}. */
    boolean awaitUids(Collection<String> expected, long millis) throws InterruptedException {
        return await(() -> uids().containsAll(expected), millis);
    }

    /** Waits until {@code count} requests came; false after {@code millis}. */
    boolean awaitRequests(int count, long millis) throws InterruptedException {
        return await(() -> requests().size() >= count, millis);
    }

    private static boolean await(BooleanSupplier done, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        byte[] raw = readAll(exchange.getRequestBody());
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        String body = new String("gzip".equals(encoding) ? readAll(new GZIPInputStream(new ByteArrayInputStream(raw))) : raw,
                StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders(), body, at);
        Reply reply = script.poll();
        if (reply == null) {
            Function<Request, Reply> chosen = responder;
            reply = chosen == null ? Reply.ok() : chosen.apply(request);
        }
        request.reply = reply;
        synchronized (requests) {
            requests.add(request);
        }
        if (reply.delayMillis > 0) {
            try {
                Thread.sleep(reply.delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (reply.drop) {
            // The server closes the connection when a handler fails before answering.
            throw new IOException("dropping the connection without a response");
        }
        byte[] out = reply.body.getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, String> header : reply.headers.entrySet()) {
            exchange.getResponseHeaders().set(header.getKey(), header.getValue());
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status, out.length == 0 ? -1 : out.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(out);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** One request as received. */
    static final class Request {
        final String method;
        final String path;
        final Headers headers;
        final String body;
        final long nanos;
        final List<String> uids = new ArrayList<>();
        /** Whether the body parsed as JSON from start to end. */
        final boolean json;
        Reply reply;

        Request(String method, String path, Headers headers, String body, long nanos) {
            this.method = method;
            this.path = path;
            this.headers = headers;
            this.body = body;
            this.nanos = nanos;
            Matcher m = UID.matcher(body);
            while (m.find()) {
                uids.add(m.group(1));
            }
            this.json = isJson(body);
        }

        private static boolean isJson(String text) {
            try (JsonParser p = JSON.createParser(text)) {
                p.nextToken();
                p.skipChildren();
                return p.nextToken() == null;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** One scripted answer. */
    static final class Reply {
        final int status;
        final String body;
        final Map<String, String> headers = new LinkedHashMap<>();
        long delayMillis;
        boolean drop;

        Reply(int status, String body) {
            this.status = status;
            this.body = body;
        }

        static Reply ok() {
            return new Reply(200, "");
        }

        static Reply status(int status) {
            return new Reply(status, "");
        }

        /** A failure with a {@code google.rpc.Status} body. */
        static Reply status(int status, String message) {
            return new Reply(status, "{\"code\":3,\"message\":\"" + message + "\"}");
        }

        /** No answer at all: the connection is closed. */
        static Reply drop() {
            Reply reply = new Reply(0, "");
            reply.drop = true;
            return reply;
        }

        Reply header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Reply after(long millis) {
            delayMillis = millis;
            return this;
        }
    }
}
