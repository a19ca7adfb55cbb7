package dev.logredact.collector.server;

/**
 * How the server listens and what it accepts: {@code token} null for no authentication; {@code port} 0
 * for any free port.
 */
public record ServerSettings(String host, int port, String token, int maxBodyBytes, int maxConcurrentIngest) {
}
