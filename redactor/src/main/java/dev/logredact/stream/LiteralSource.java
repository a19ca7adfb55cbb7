package dev.logredact.stream;

import dev.logredact.match.LiteralSet;

import java.nio.charset.Charset;

/** Supplies the current known secrets, encoded for a charset. */
public interface LiteralSource {
    LiteralSource NONE = charset -> LiteralSet.EMPTY;

    LiteralSet current(Charset charset);
}
