package dev.logredact.stream;

import dev.logredact.match.LiteralSet;

import java.nio.charset.Charset;

/**
 * Supplies the current known secrets, encoded for a charset; and may learn new ones from what rules
 * find, so that a secret seen once in context is masked wherever it appears later.
 */
public interface LiteralSource {
    /** No known secrets. A class, not a lambda: each lambda costs an agent's start-up a generated class. */
    LiteralSource NONE = new LiteralSource() {
        @Override
        public LiteralSet current(Charset charset) {
            return LiteralSet.EMPTY;
        }
    };

    LiteralSet current(Charset charset);

    /** A rule found {@code value} in context; a source that learns registers it. */
    default void learned(String ruleId, String value) {
    }
}
