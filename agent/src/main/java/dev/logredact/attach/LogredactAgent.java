package dev.logredact.attach;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry point, for {@code -javaagent} and for attaching to a running JVM. It does as
 * little as possible itself: every JVM of a build runs it, so start-up time is paid many times over.
 */
public final class LogredactAgent {
    /** Set once the agent runs in this JVM, so a second {@code -javaagent} (say, from JAVA_TOOL_OPTIONS too) does nothing. */
    static final String ATTACHED = "dev.logredact.agent.attached";

    private LogredactAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        attach(arguments, instrumentation);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        attach(arguments, instrumentation);
    }

    private static void attach(String arguments, Instrumentation instrumentation) {
        synchronized (LogredactAgent.class) {
            if (System.getProperty(ATTACHED) != null) {
                return;
            }
            System.setProperty(ATTACHED, "true");
        }
        AgentRuntime.start(arguments, instrumentation);
    }
}
