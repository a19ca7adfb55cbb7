package dev.logredact.attach;

import dev.logredact.mask.MaskTemplate;
import dev.logredact.match.KeywordFreeText;
import dev.logredact.rules.RuleSetLoader;
import dev.logredact.stream.WriteBacklog;

/**
 * Whether a JVM that exits while its engine is still being built may write what the backlog holds
 * without it. A short JVM that printed a line would otherwise wait out the build at its exit (8 ms, most
 * of what the agent adds to a {@code Hello}). Decided by proof, never by guess: the engine writes bytes
 * as they are when no rule can see them (no keyword and no escape byte, {@link KeywordFreeText}) and no
 * known secret exists to look for (the caller checks that the environment gave none and refused none;
 * before the engine, no rule has found a value to learn, and the API's registrations wait for the
 * engine). Anything else, and the exit waits for the engine as before.
 *
 * <p>Only for the embedded rules, whose keywords the build stored apart from them: reading any rules
 * takes most of the time this saves. And only when the engine would print nothing either: a refused
 * secret's warning or a bad mask's must not be lost to a JVM that exits early. What gives: a line the
 * engine's own thread prints through a masked stream while it is built (a JDK warning, say) after the
 * release is held for the replay, which this JVM no longer waits for. Lost, never written unmasked.
 */
final class ExitClearance implements WriteBacklog.Clearance {
    /** How long the exit waits for the known secrets to be read; past it, it waits for the engine. */
    static final long WAIT_MILLIS = 1000;

    private final KeywordFreeText keywordFree;
    private final LazyEngine engine;

    private ExitClearance(KeywordFreeText keywordFree, LazyEngine engine) {
        this.keywordFree = keywordFree;
        this.engine = engine;
    }

    /**
     * Null when the settings rule it out. A secrets file does: the caller may have to read the known
     * secrets a second time, beside the build, and a file may be a pipe that gives its content once, or
     * hang.
     */
    static ExitClearance of(Engine.Settings settings, LazyEngine engine) {
        if (!RuleSetLoader.DEFAULT_SOURCE.equals(settings.rules) || settings.secretsFile != null) {
            return null;
        }
        try {
            MaskTemplate.of(settings.mask);
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[][] keywords = RuleSetLoader.defaultKeywords();
        return keywords == null ? null : new ExitClearance(KeywordFreeText.of(keywords), engine);
    }

    /**
     * Also false once the engine is built: a secret may then have been registered through the API, and
     * the replay, which knows it, is under way.
     */
    @Override
    public boolean clear(byte[] b, int off, int len) {
        return !engine.isDone() && keywordFree.holds(b, off, len);
    }
}
