package dev.logredact.rules;

import java.util.List;
import java.util.Locale;

/**
 * A gitleaks allowlist: a finding it matches is not a secret. With condition OR one criterion is
 * enough; with AND every criterion that is set must hold.
 */
public final class Allowlist {
    /** What an allowlist's regexes are matched against. */
    public enum Target { SECRET, MATCH, LINE }

    /** How the criteria combine. */
    public enum Condition { OR, AND }

    private final String description;
    private final Condition condition;
    private final Target regexTarget;
    private final LazyPattern regexes;
    private final LazyPattern paths;
    private final List<String> stopwords;
    private final List<String> commits;
    /** Made on first need: most rules never see a finding. Racy: a lost race only builds it twice. */
    private volatile StopwordIndex stopwordIndex;

    Allowlist(String description, Condition condition, Target regexTarget, LazyPattern regexes, LazyPattern paths,
              List<String> stopwords, List<String> commits) {
        this.description = description;
        this.condition = condition;
        this.regexTarget = regexTarget;
        this.regexes = regexes;
        this.paths = paths;
        this.stopwords = Rule.frozen(stopwords);
        this.commits = Rule.frozen(commits);
    }

    public String description() {
        return description;
    }

    public Condition condition() {
        return condition;
    }

    public Target regexTarget() {
        return regexTarget;
    }

    /**
     * True when the finding is allowed. {@code path} is null for streams, where a path criterion can
     * never hold; commits never hold because logs have none.
     */
    public boolean allows(CharSequence secret, CharSequence match, CharSequence line, String path) {
        CharSequence target = regexTarget == Target.SECRET ? secret : regexTarget == Target.MATCH ? match : line;
        boolean hasRegex = regexes != null;
        boolean hasPath = paths != null;
        boolean hasStopword = !stopwords.isEmpty();
        boolean hasCommit = !commits.isEmpty();
        if (condition == Condition.OR) {
            return (hasPath && path != null && paths.get().matcher(path).find())
                    || (hasRegex && regexes.foundIn(target))
                    || (hasStopword && containsStopword(secret));
        }
        if (hasCommit) {
            return false;
        }
        if (hasPath && (path == null || !paths.get().matcher(path).find())) {
            return false;
        }
        if (hasRegex && !regexes.foundIn(target)) {
            return false;
        }
        if (hasStopword && !containsStopword(secret)) {
            return false;
        }
        return hasPath || hasRegex || hasStopword;
    }

    String regexesSource() {
        return LazyPattern.source(regexes);
    }

    String pathsSource() {
        return LazyPattern.source(paths);
    }

    List<String> stopwords() {
        return stopwords;
    }

    List<String> commits() {
        return commits;
    }

    private boolean containsStopword(CharSequence secret) {
        StopwordIndex index = stopwordIndex;
        if (index == null) {
            index = new StopwordIndex(stopwords);
            stopwordIndex = index;
        }
        return index.foundIn(secret.toString().toLowerCase(Locale.ROOT));
    }
}
