package dev.logredact.attach;

import dev.logredact.rules.CodeLocation;

import java.io.File;
import java.io.PrintStream;
import java.util.Map;

/**
 * Gives child processes the agent: what the patched {@code ProcessBuilder.start} calls (see
 * {@link EntryHookPatch}). A child inherits {@code JAVA_TOOL_OPTIONS}, so a build that set it once is
 * covered already; when this JVM got the agent through {@code -javaagent} alone, the option is added to
 * the child's environment, which reaches every JVM below it, even through a shell or a build tool.
 *
 * <p>The agent jar is located when the first process starts, not at start-up: most JVMs start none, and
 * finding the jar of a class on the boot class path opens the jar once more.
 */
public final class ForkHooks {
    private static final String TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    private static volatile boolean installed;
    private static volatile String agentArguments;
    private static volatile PrintStream warnings;
    private static String agentOption;
    private static String agentJar;
    private static boolean located;

    private ForkHooks() {
    }

    /**
     * @param arguments the agent arguments to pass on, or null
     * @param err where a warning goes if the jar cannot be passed on
     */
    static void install(String arguments, PrintStream err) {
        agentArguments = arguments;
        warnings = err;
        installed = true;
    }

    /** True when the path can stand in JAVA_TOOL_OPTIONS, which splits on spaces without quoting on Java 8. */
    static boolean usable(String jar) {
        return jar.indexOf(' ') < 0 && jar.indexOf('"') < 0;
    }

    /**
     * The path of the jar the agent's classes came from: their code source when the application class
     * loader defined them, else (on the boot class path, where they have none) the jar their class file
     * is read from.
     */
    static String jarPath() {
        return CodeLocation.of(LogredactAgent.class).getPath();
    }

    public static Object starting(Object builder) {
        if (!installed || !(builder instanceof ProcessBuilder)) {
            return builder;
        }
        String option;
        String jar;
        synchronized (ForkHooks.class) {
            locate();
            option = agentOption;
            jar = agentJar;
        }
        if (option == null) {
            return builder;
        }
        try {
            Map<String, String> environment = ((ProcessBuilder) builder).environment();
            String existing = environment.get(TOOL_OPTIONS);
            if (existing == null || existing.trim().isEmpty()) {
                environment.put(TOOL_OPTIONS, option);
            } else if (!existing.contains(jar) && !existing.contains(new File(jar).getName())) {
                environment.put(TOOL_OPTIONS, existing + " " + option);
            }
        } catch (RuntimeException e) {
            // An environment the application made unmodifiable: the child runs without the agent.
        }
        return builder;
    }

    /** Once: the option for children, or a warning saying why there is none. */
    private static void locate() {
        if (located) {
            return;
        }
        located = true;
        String jar;
        try {
            jar = jarPath();
        } catch (Throwable t) {
            warnings.println("logredact: warning: the agent jar's path is unknown, child JVMs do not get the agent: " + t);
            return;
        }
        if (!usable(jar)) {
            warnings.println("logredact: warning: the agent jar's path has a space; child JVMs get the agent only through JAVA_TOOL_OPTIONS");
            return;
        }
        String arguments = agentArguments;
        agentJar = jar;
        agentOption = "-javaagent:" + jar + (arguments == null || arguments.isEmpty() ? "" : "=" + arguments);
    }
}
