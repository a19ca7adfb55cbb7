package dev.logredact.attach;

/**
 * Recognises a Maven Surefire or Failsafe fork. There the stdout present at start-up is a binary,
 * length-prefixed event channel to Maven: masking it would corrupt frames. The streams Surefire
 * installs with {@code System.setOut} carry the tests' output and are masked instead.
 */
final class SurefireFork {
    private static final String BOOTER = "org.apache.maven.surefire.booter.ForkedBooter";

    private SurefireFork() {
    }

    static boolean isThisJvm() {
        return isCommand(System.getProperty("sun.java.command", ""));
    }

    /**
     * Surefire starts a fork either with the booter's class name or, by default, with a manifest-only
     * jar named {@code surefirebooter<digits>.jar} whose Main-Class is the booter.
     */
    static boolean isCommand(String command) {
        String first = command.split(" ", 2)[0];
        String file = first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1);
        return first.equals(BOOTER) || (file.startsWith("surefirebooter") && file.endsWith(".jar"));
    }
}
