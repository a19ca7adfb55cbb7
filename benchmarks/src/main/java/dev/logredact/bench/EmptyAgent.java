package dev.logredact.bench;

import java.lang.instrument.Instrumentation;

/**
 * A {@code -javaagent} that does nothing (run-startup.sh packs it into a jar of its own): what any agent
 * costs a JVM's start-up before its premain runs a line, the floor for logredact's agent.
 */
public final class EmptyAgent {
    private EmptyAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
    }
}
