package dev.logredact.match;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The known secret forms, encoded for one charset and indexed: what a byte stream is matched against.
 * Immutable; a new set replaces the old one when a secret is registered.
 */
public final class LiteralSet {
    public static final LiteralSet EMPTY = new LiteralSet(new LiteralIndex(new byte[0][]), new Literal[0], 0);

    private final LiteralIndex index;
    private final Literal[] literals;
    private final long version;

    private LiteralSet(LiteralIndex index, Literal[] literals, long version) {
        this.index = index;
        this.literals = literals;
        this.version = version;
    }

    /**
     * Encodes each form's text in {@code charset} exactly as a writer in that charset would (unmappable
     * characters become the charset's replacement), then normalises it as {@link MatchText} does.
     */
    public static LiteralSet of(List<Literal> literals, List<String> forms, Charset charset, long version) {
        List<byte[]> patterns = new ArrayList<>(forms.size());
        for (String form : forms) {
            patterns.add(pattern(form, charset));
        }
        return of(literals, patterns, version);
    }

    /** A form as the index wants it: encoded in the stream's charset and normalised; may be empty. */
    public static byte[] pattern(String form, Charset charset) {
        return MatchText.normalise(form.getBytes(charset));
    }

    /** From patterns already made by {@link #pattern}, one per literal; empty ones are left out. */
    public static LiteralSet of(List<Literal> literals, List<byte[]> patterns, long version) {
        return EMPTY.plus(literals, patterns, version);
    }

    /**
     * This set with more forms after its own, as {@link #of(List, List, long)} takes them: what a new
     * secret costs is a copy of the index's tables, not a new index of every form.
     */
    public LiteralSet plus(List<Literal> literals, List<byte[]> patterns, long version) {
        List<byte[]> kept = new ArrayList<>(patterns.size());
        List<Literal> keptLiterals = new ArrayList<>(patterns.size());
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).length > 0) {
                kept.add(patterns.get(i));
                keptLiterals.add(literals.get(i));
            }
        }
        Literal[] all = java.util.Arrays.copyOf(this.literals, this.literals.length + keptLiterals.size());
        for (int i = 0; i < keptLiterals.size(); i++) {
            all[this.literals.length + i] = keptLiterals.get(i);
        }
        LiteralIndex grown = index.plus(kept.toArray(new byte[0][]));
        return new LiteralSet(grown, all, version);
    }

    public LiteralIndex index() {
        return index;
    }

    public Literal literal(int pattern) {
        return literals[pattern];
    }

    /** Changes whenever the set of secrets changes, so a stream knows to look at held bytes again. */
    public long version() {
        return version;
    }

    /**
     * True when some form holds whitespace (a space, in a normalised one, stands for any whitespace run).
     * The index matches such forms in raw bytes as in {@link MatchText}'s view, so this matters only to
     * a caller that compares bytes without the index.
     */
    public boolean spaced() {
        return index.anySpaced();
    }

    public boolean isEmpty() {
        return literals.length == 0;
    }
}
