package dev.logredact.it;

import dev.logredact.it.apps.Scenario;
import dev.logredact.it.apps.SocketLogApp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A loopback server for the one connection a {@link SocketLogApp} opens: it reads what the app sends on
 * a thread of its own, keeping every byte, then writes the marker file the app waits for before it
 * exits, so an appender that sends from its own thread has sent everything by then.
 */
final class LoopbackReceiver<T> implements AutoCloseable {
    /** Reads what the test expects from the connection's stream. */
    interface Reader<T> {
        T read(InputStream in) throws Exception;
    }

    private final ServerSocket server;
    private final Path received;
    private final CompletableFuture<T> result;
    private volatile RecordedInput wire;

    LoopbackReceiver(Path received, Reader<T> reader) throws IOException {
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.received = received;
        server.setSoTimeout(60_000);
        this.result = CompletableFuture.supplyAsync(() -> receive(reader), LoopbackReceiver::startReader);
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * Runs {@code app} through {@link SocketLogApp} on the framework's jars with the agent and the JVM
     * option given (the framework's configuration).
     */
    AgentJar.Run runApp(Class<?> app, Path libraries, String jvmOption) throws Exception {
        return FrameworkLogs.run(SocketLogApp.class, libraries, Collections.singletonMap("DEPLOY_TOKEN", Scenario.DEPLOY_TOKEN),
                Collections.singletonList(jvmOption), received.toString(), app.getName());
    }

    /** What the reader read. */
    T get() throws Exception {
        return result.get(30, TimeUnit.SECONDS);
    }

    /** Every byte the reader read; after {@link #get}. */
    byte[] wire() {
        return wire.bytes();
    }

    private T receive(Reader<T> reader) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(60_000);
            wire = new RecordedInput(socket.getInputStream());
            return reader.read(wire);
        } catch (Exception e) {
            throw new IllegalStateException("receiving the events", e);
        } finally {
            try {
                Files.write(received, new byte[0]);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void startReader(Runnable task) {
        Thread reader = new Thread(task, "loopback-receiver");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
