package dev.logredact.cli;

import dev.logredact.rules.RuleSet;
import dev.logredact.rules.RuleSetCache;
import dev.logredact.rules.RuleSetLoader;

import java.util.concurrent.FutureTask;

/**
 * Loads the rule files a command line names while picocli builds the command: on two cores, reading a
 * TOML file and compiling its patterns (over 100 ms for gitleaks' rules when not kept in the cache)
 * then costs no time of its own. Only a guess from the raw arguments: the command uses the result only
 * when it parsed the same {@code --rules} value, and loads anew on any failure.
 */
final class RulePrefetch {
    private static final String OPTION = "--rules";
    private static String spec;
    private static FutureTask<RuleSet> loading;

    private RulePrefetch() {
    }

    /** Starts loading the rule files that {@code args} name, if they name any. */
    static synchronized void start(String[] args) {
        spec = null;
        loading = null;
        String named = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                named = args[i + 1];
            } else if (args[i].startsWith(OPTION + "=")) {
                named = args[i].substring(OPTION.length() + 1);
            }
        }
        if (named == null || named.trim().isEmpty() || named.trim().equalsIgnoreCase(RuleSetLoader.DEFAULT_SOURCE)
                || named.trim().equalsIgnoreCase("none")) {
            // The embedded set loads in a few milliseconds from its binary form.
            return;
        }
        final String files = named;
        spec = files;
        loading = new FutureTask<>(() -> RuleSetLoader.load(files, RuleSetCache.inUserCache()));
        Thread thread = new Thread(loading, "logredact-rules");
        thread.setDaemon(true);
        thread.start();
    }

    /** The set loaded for {@code wanted}, or null when none was started for it or it failed. */
    static synchronized RuleSet take(String wanted) {
        FutureTask<RuleSet> task = wanted != null && wanted.equals(spec) ? loading : null;
        spec = null;
        loading = null;
        if (task == null) {
            return null;
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            // Loading again reports the failure as the command always does.
            return null;
        }
    }
}
