package dev.logredact.attach;

import java.io.File;
import java.util.Map;

/**
 * Gives child processes the agent: what the patched {@code ProcessBuilder.start} calls (see
 * {@link EntryHookPatch}). A child inherits {@code JAVA_TOOL_OPTIONS}, so a build that set it once is
 * covered already; when this JVM got the agent through {@code -javaagent} alone, the option is added to
 * the child's environment, which reaches every JVM below it, even through a shell or a build tool.
 */
public final class ForkHooks {
    private static final String TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    private static volatile String agentOption;
    private static volatile String agentJar;

    private ForkHooks() {
    }

    /**
     * @param jar the agent jar's path
     * @param arguments the agent arguments to pass on, or null
     */
    static void install(String jar, String arguments) {
        agentJar = jar;
        agentOption = "-javaagent:" + jar + (arguments == null || arguments.isEmpty() ? "" : "=" + arguments);
    }

    /** True when the path can stand in JAVA_TOOL_OPTIONS, which splits on spaces without quoting on Java 8. */
    static boolean usable(String jar) {
        return jar.indexOf(' ') < 0 && jar.indexOf('"') < 0;
    }

    public static Object starting(Object builder) {
        String option = agentOption;
        if (option == null || !(builder instanceof ProcessBuilder)) {
            return builder;
        }
        try {
            Map<String, String> environment = ((ProcessBuilder) builder).environment();
            String existing = environment.get(TOOL_OPTIONS);
            if (existing == null || existing.trim().isEmpty()) {
                environment.put(TOOL_OPTIONS, option);
            } else if (!existing.contains(agentJar) && !existing.contains(new File(agentJar).getName())) {
                environment.put(TOOL_OPTIONS, existing + " " + option);
            }
        } catch (RuntimeException e) {
            // An environment the application made unmodifiable: the child runs without the agent.
        }
        return builder;
    }
}
