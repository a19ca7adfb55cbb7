package dev.logredact.bench;

/**
 * The start-up benchmark's program that prints nothing (run-startup.sh): the agent builds its engine
 * on a thread of its own and a stream needs it only at its first write, so this shows what start-up
 * costs when no output ever waits for the engine.
 */
public final class Silent {
    private Silent() {
    }

    public static void main(String[] args) {
    }
}
