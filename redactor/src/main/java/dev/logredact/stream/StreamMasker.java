package dev.logredact.stream;

import dev.logredact.mask.Redactor;
import dev.logredact.mask.Span;
import dev.logredact.mask.SpanMerger;
import dev.logredact.match.Literal;
import dev.logredact.match.LiteralIndex;
import dev.logredact.match.LineKeywords;
import dev.logredact.match.LiteralSet;
import dev.logredact.match.MatchText;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The masking state of one byte stream: it takes bytes as they are written and passes on only bytes
 * that can no longer be part of a secret, masked.
 *
 * <p>Two kinds of secret, one output. Rule findings need context, so rules see whole lines ({@code \n},
 * {@code \r\n}, a lone {@code \r}); a private key block is one unit from BEGIN to END. Known secret
 * values are matched across any write boundary in {@link MatchText}'s view, so only bytes that may
 * begin a known secret are held past a line's end. Masks of both kinds are merged before anything is
 * written, so overlapping secrets never leak a part.
 *
 * <p>Not thread-safe: the owning stream serialises calls.
 */
public final class StreamMasker {
    /** An unfinished line longer than this is scanned in windows that overlap by {@link #LINE_OVERLAP}. */
    public static final int MAX_LINE = 64 * 1024;
    static final int LINE_OVERLAP = 4096;

    private final Redactor rules;
    private final LiteralSource literals;
    private final Charset charset;
    private final LineText lineText;
    private final RedactionSink sink;
    private final OutputStream out;

    /** Grown on demand: maskers made per log event hold one event, and allocation is their main cost. */
    private byte[] pending = new byte[0];
    private int length;
    /** Rules have seen pending[0, linesDone): complete lines (or windows of a long one). */
    private int linesDone;
    /** Bytes before this have been looked at for line ends and keywords. */
    private int scannedTo;
    /**
     * The keyword automaton's state (as {@link LineKeywords#steps} numbers it), and what was seen, in the
     * unfinished line up to {@link #scannedTo}.
     */
    private int keywordState;
    private boolean keywordSeen;
    private boolean escapeSeen;
    /**
     * A keyword hit that no rule's match can hold ({@link LineKeywords#hit}) was seen: the rules need not
     * see the line, but a line with a keyword may open a private key block, so one that may still goes.
     */
    private boolean keywordDoubted;
    /** Start of an open private key block, or -1. */
    private int blockStart = -1;
    private int blockLines;
    private final List<Span> spans = new ArrayList<>();

    private final LineKeywords lineKeywords;

    private final MatchText view = new MatchText();
    /**
     * Whether the view mirrors the held bytes. It is needed only while an escape sequence may be held;
     * otherwise a form matches the view exactly where it matches the raw bytes: with no ESC nothing is
     * hidden, and the view differs only by turning whitespace runs into one space, which the index's
     * comparison of a form's spaces does too. Then the index reads the held bytes themselves.
     */
    private boolean viewed;
    private LiteralSet literalSet = LiteralSet.EMPTY;
    /** From here on (in the view when {@link #viewed}, else in the held bytes) the literal index has not decided. */
    private int literalFrom;
    private final LiteralIndex.Sink literalSink = new LiteralSpans();

    /** Receives each mask as it is written, with the bytes it replaced counted from the stream's start. */
    public interface RedactionSink {
        /** Tells no one. A class, not a lambda: each lambda costs an agent's start-up a generated class. */
        RedactionSink NONE = new RedactionSink() {
            @Override
            public void redacted(Span mask) {
            }
        };

        void redacted(Span mask);
    }

    public StreamMasker(Redactor rules, LiteralSource literals, Charset charset, OutputStream out, RedactionSink sink) {
        this.rules = rules;
        this.literals = literals;
        this.charset = charset;
        this.lineText = new LineText(charset);
        this.out = out;
        this.sink = sink;
        this.lineKeywords = rules.scanner().lineKeywords();
    }

    /** Takes bytes and writes out whatever is now decided. */
    public void write(byte[] b, int off, int len) throws IOException {
        if (length + len > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(Math.max(pending.length * 2, length + len), 128));
        }
        System.arraycopy(b, off, pending, length, len);
        int before = length;
        length += len;
        // Rules first: a secret they find in one line is learned, and the literal pass then masks it in
        // the lines after it that this same write brought.
        scanCompleteLines();
        refreshLiterals(before, len);
        release(false);
    }

    /** Writes out what is decided; an unfinished line stays held, as it may still hold a secret's context. */
    public void flush() throws IOException {
        if (length > 0) {
            // A secret registered since the last write applies to what is still held.
            refreshLiterals(length, 0);
            release(false);
        }
        out.flush();
    }

    /**
     * Treats the unfinished line as finished (after an idle pause, so a prompt shows) and writes it out,
     * except bytes that may begin a known secret; with {@code endOfStream}, writes out everything.
     */
    public void releaseAll(boolean endOfStream) throws IOException {
        if (blockStart >= 0 && endOfStream) {
            closeBlock(length, false);
        }
        if (blockStart < 0 && linesDone < length) {
            // At the end a last \r ends its line: it was held only to see whether \n came next.
            scanFragment(linesDone, endOfStream && pending[length - 1] == '\r' ? length - 1 : length);
            linesDone = length;
            restartLineScan();
        }
        refreshLiterals(length, 0);
        release(endOfStream);
        out.flush();
    }

    /** Bytes held back, for tests and the idle release. */
    public int held() {
        return length;
    }

    /**
     * True when nothing is held and nothing carries over to the next byte: a new masker fed only the
     * bytes from here on would write what this one writes (given the same known secrets).
     */
    public boolean atRest() {
        return length == 0 && blockStart < 0 && spans.isEmpty() && keywordState == 0 && !keywordSeen && !escapeSeen
                && !keywordDoubted
                && (!viewed || view.atRest());
    }

    /**
     * Forgets everything held and returns it unmasked: only for recovery after an internal error, when
     * the owner decides whether to withhold it or pass it on.
     */
    public byte[] abandon() {
        byte[] held = Arrays.copyOf(pending, length);
        length = 0;
        linesDone = 0;
        restartLineScan();
        blockStart = -1;
        spans.clear();
        view.clear();
        literalFrom = 0;
        return held;
    }

    private void refreshLiterals(int before, int added) {
        LiteralSet current = literals.current(charset);
        if (current.isEmpty()) {
            literalSet = current;
            return;
        }
        // New secrets apply to bytes still held: look at all of them again. Before the first secret
        // nothing was kept, so everything held is new to the matcher.
        boolean fresh = literalSet.isEmpty();
        boolean rescan = current != literalSet;
        if (fresh) {
            view.clear();
            viewed = false;
        }
        literalSet = current;
        // Back from the view only when nothing is held: an escape sequence whose ESC is gone may still
        // hide the start of held bytes from the view.
        boolean raw = (!viewed || before == 0 && view.outsideEscape())
                && !Escapes.in(pending, fresh ? 0 : before, length);
        int from = rescan ? 0 : literalFrom;
        if (raw) {
            if (viewed) {
                view.clear();
                viewed = false;
                from = 0;
            }
            literalFrom = current.index().scan(pending, from, length, literalSink);
            return;
        }
        if (viewed) {
            view.append(pending, before, added, before);
        } else {
            view.append(pending, 0, length, 0);
            viewed = true;
            from = 0;
        }
        literalFrom = current.index().scan(view.bytes(), from, view.length(), literalSink);
    }

    /** Where the literal index reports matches; a class, not a method reference (see {@link RedactionSink#NONE}). */
    private final class LiteralSpans implements LiteralIndex.Sink {
        @Override
        public void match(int start, int end, int pattern) {
            addLiteralSpan(start, end, pattern);
        }
    }

    private void addLiteralSpan(int start, int end, int pattern) {
        Literal literal = literalSet.literal(pattern);
        int rawStart = viewed ? view.source(start) : start;
        int rawEnd = viewed ? view.source(end - 1) + 1 : end;
        // A value learned from a rule finding has no name and stays that rule's finding.
        Span.Kind kind = literal.secretName() == null ? Span.Kind.PATTERN : Span.Kind.LITERAL;
        addSpan(new Span(rawStart, rawEnd, literal.label(), kind, literal.secretName(),
                literal.variant(), rules.fingerprinter().fingerprint(literal.value())));
    }

    /**
     * Finds line ends and rule keywords in one pass over the new bytes, so that a line without a
     * keyword is never looked at again.
     */
    private void scanCompleteLines() throws IOException {
        if (lineKeywords.none) {
            skipToLastLineEnd();
        } else {
            scanLinesAndKeywords();
        }
        if (blockStart < 0 && length - linesDone > MAX_LINE) {
            scanFragment(linesDone, length);
            linesDone = length - LINE_OVERLAP;
            restartLineScan();
        }
    }

    /**
     * With no keyword and no rule that runs without one, {@link #completeLine} never sends a line to the
     * rules (nor opens a private key block, which needs them): a line end only moves {@link #linesDone}.
     * So the last line end decides, and searching backwards finds it without reading the lines before.
     */
    private void skipToLastLineEnd() {
        byte[] p = pending;
        int from = Math.max(scannedTo, linesDone);
        int i = length - 1;
        if (i >= from && p[i] == '\r') {
            // Maybe the first half of \r\n: decide when the next byte comes.
            scannedTo = i--;
        } else {
            scannedTo = length;
        }
        for (; i >= from; i--) {
            if (p[i] == '\n' || p[i] == '\r') {
                linesDone = i + 1;
                return;
            }
        }
    }

    private void scanLinesAndKeywords() throws IOException {
        while (true) {
            if (blockStart >= 0) {
                if (!completeLineInBlock()) {
                    return;
                }
                continue;
            }
            int end = nextLineForRules();
            if (end < 0) {
                return;
            }
            int next = pending[end] == '\n' || pending[end + 1] != '\n' ? end + 1 : end + 2;
            completeLine(linesDone, end, next, keywordSeen, escapeSeen);
            restartLineScan();
        }
    }

    /**
     * Moves over the lines that the rules need not see to the end of the next one they must (a keyword
     * hit, or an escape sequence that may hide one), and returns the index of its line end; -1 when the
     * held bytes run out first. Lines passed over are done. Most of a masker's time per byte is spent
     * here, so the loop makes no call and keeps its state in locals.
     */
    private int nextLineForRules() {
        byte[] p = pending;
        int n = length;
        byte[] classes = lineKeywords.classes;
        int[] steps = lineKeywords.steps;
        byte[] codes = lineKeywords.codes;
        long[] skip = lineKeywords.skip;
        int escapeClass = lineKeywords.escapeClass;
        int lineStart = linesDone;
        int state = keywordState;
        boolean seen = keywordSeen;
        boolean escape = escapeSeen;
        boolean doubted = keywordDoubted;
        int i = Math.max(scannedTo, linesDone);
        int found = -1;
        while (i < n) {
            if (state == 0 && !seen) {
                // Where no keyword begins the automaton would stay at its start: step over such bytes,
                // judged by the codes of the three bytes from each (the last two bytes held are stepped).
                int last = n - 2;
                int triple = i < last ? codes[p[i] & 0xff] << 6 | codes[p[i + 1] & 0xff] : 0;
                while (i < last) {
                    triple = (triple << 6 | codes[p[i + 2] & 0xff]) & 0x3ffff;
                    if ((skip[triple >>> 6] & 1L << triple) == 0) {
                        break;
                    }
                    i++;
                }
            }
            byte c = p[i];
            if (seen) {
                // The line goes to the rules whatever else it holds: only its end matters now.
                if (c != '\n' && c != '\r') {
                    i++;
                    continue;
                }
            } else {
                int k = classes[c & 0xff];
                if (k >= 0 || c == 0x1b) {
                    escape |= k < 0;
                    int next = steps[state + (k >= 0 ? k : escapeClass)];
                    state = next < 0 ? ~next : next;
                    i++;
                    if (next < 0) {
                        seen = lineKeywords.hit(state, p, i, lineStart, n);
                        doubted |= !seen;
                    }
                    continue;
                }
            }
            if (c == '\r' && i + 1 == n) {
                // Maybe the first half of \r\n: decide when the next byte comes.
                break;
            }
            if (doubted && !seen && PrivateKeyBlock.mayOpen(p, lineStart, i)) {
                seen = true;
            }
            if (seen || escape) {
                found = i;
                break;
            }
            lineStart = c == '\n' || p[i + 1] != '\n' ? i + 1 : i + 2;
            i = lineStart;
            state = 0;
            doubted = false;
        }
        linesDone = lineStart;
        scannedTo = i;
        keywordState = state;
        keywordSeen = seen;
        escapeSeen = escape;
        keywordDoubted = doubted;
        return found;
    }

    /** In an open private key block every line counts: completes the next one, or returns false when none is complete. */
    private boolean completeLineInBlock() throws IOException {
        byte[] p = pending;
        for (int i = Math.max(scannedTo, linesDone); i < length; i++) {
            byte c = p[i];
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 == length) {
                    scannedTo = i;
                    return false;
                }
                completeLine(linesDone, i, c == '\n' || p[i + 1] != '\n' ? i + 1 : i + 2, false, false);
                restartLineScan();
                return true;
            }
        }
        scannedTo = length;
        return false;
    }

    private void completeLine(int start, int contentEnd, int next, boolean keyword, boolean escape) throws IOException {
        if (blockStart >= 0) {
            blockLines++;
            String content = lineText.decode(pending, start, contentEnd - start).text;
            if (PrivateKeyBlock.closes(content)) {
                closeBlock(next, true);
            } else if (blockLines >= PrivateKeyBlock.MAX_LINES || next - blockStart >= PrivateKeyBlock.MAX_CHARS) {
                closeBlock(next, false);
            }
            linesDone = next;
            return;
        }
        linesDone = next;
        if (!keyword && !(escape && mayMatchRules(start, contentEnd))) {
            return;
        }
        LineText.Decoded decoded = lineText.decode(pending, start, contentEnd - start);
        if (PrivateKeyBlock.opens(decoded.text)) {
            blockStart = start;
            blockLines = 1;
        } else {
            scanDecoded(start, decoded);
        }
    }

    /** Rules over a finished block; one that never ended is masked wherever a line looks like key material. */
    private void closeBlock(int end, boolean ended) {
        int start = blockStart;
        blockStart = -1;
        if (ended) {
            scanFragment(start, end);
            return;
        }
        LineText.Decoded decoded = lineText.decode(pending, start, end - start);
        int[] offsets = ByteOffsets.of(decoded.text, decoded.charset);
        for (int[] line : PrivateKeyBlock.keyMaterialLines(decoded.text)) {
            addSpan(new Span(start + offsets[line[0]], start + offsets[line[1]], "private-key", Span.Kind.PATTERN,
                    null, "plain", rules.fingerprinter().fingerprint(decoded.text.substring(line[0], line[1]))));
        }
    }

    /** Runs the rules over pending[start, end) as one text and records their spans in bytes. */
    private void scanFragment(int start, int end) {
        if (end > start && mayMatchRules(start, end)) {
            scanDecoded(start, lineText.decode(pending, start, end - start));
        }
    }

    private void scanDecoded(int start, LineText.Decoded decoded) {
        VisibleLine visible = VisibleLine.of(decoded.text);
        List<Span> found = rules.find(visible.text);
        if (found.isEmpty()) {
            return;
        }
        int[] offsets = ByteOffsets.of(decoded.text, decoded.charset);
        for (Span s : found) {
            addSpan(s.at(start + offsets[visible.original(s.start())], start + offsets[visible.originalEnd(s.end())]));
            literals.learned(s.label(), visible.text.substring(s.start(), s.end()));
        }
    }

    private boolean mayMatchRules(int start, int end) {
        if (rules.scanner().mayContainSecrets(pending, start, end - start)) {
            return true;
        }
        // Escape sequences can split a keyword; only then is the visible text worth a second look.
        for (int i = start; i < end; i++) {
            if (pending[i] == 0x1b) {
                String visible = VisibleLine.of(lineText.decode(pending, start, end - start).text).text;
                byte[] bytes = visible.getBytes(charset);
                return rules.scanner().mayContainSecrets(bytes, 0, bytes.length);
            }
        }
        return false;
    }

    /**
     * Where a rule and a known secret cover the same bytes, the known secret names the mask, whichever
     * pass came first (that depends on where the writes happened to break): its name tells who owns it.
     */
    private void addSpan(Span span) {
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (s.start() == span.start() && s.end() == span.end()) {
                if (span.kind() == Span.Kind.LITERAL && s.kind() != Span.Kind.LITERAL) {
                    spans.set(i, span);
                }
                return;
            }
        }
        spans.add(span);
    }

    /** Writes out pending bytes up to the first one that is not decided yet, masked. */
    private void release(boolean everything) throws IOException {
        int limit = everything ? length : Math.min(linesDone, blockStart >= 0 ? blockStart : length);
        if (!everything && !literalSet.isEmpty()) {
            if (!viewed) {
                limit = Math.min(limit, literalFrom);
            } else if (literalFrom < view.length()) {
                limit = Math.min(limit, view.source(literalFrom));
            }
        }
        if (limit <= 0) {
            return;
        }
        if (spans.isEmpty()) {
            // The common case: nothing to mask, so no merging and no allocation.
            out.write(pending, 0, limit);
            drop(limit);
            return;
        }
        SpanMerger.sort(spans);
        List<Span> masks = SpanMerger.merge(spans);
        for (Span m : masks) {
            if (m.start() < limit && m.end() > limit) {
                // Never write part of a secret: hold from its start.
                limit = m.start();
                break;
            }
        }
        if (limit <= 0) {
            return;
        }
        int copied = 0;
        for (Span m : masks) {
            if (m.start() >= limit) {
                break;
            }
            out.write(pending, copied, m.start() - copied);
            out.write(rules.mask().render(m.label(), m.fingerprint()).getBytes(charset));
            copied = m.end();
            sink.redacted(m);
        }
        out.write(pending, copied, limit - copied);
        drop(limit);
    }

    /** The unfinished line's keyword state starts afresh from {@link #linesDone}. */
    private void restartLineScan() {
        scannedTo = linesDone;
        keywordState = 0;
        keywordSeen = false;
        escapeSeen = false;
        keywordDoubted = false;
    }

    private void drop(int n) {
        System.arraycopy(pending, n, pending, 0, length - n);
        length -= n;
        scannedTo = Math.max(0, scannedTo - n);
        linesDone = Math.max(0, linesDone - n);
        if (blockStart >= 0) {
            blockStart -= n;
        }
        if (!spans.isEmpty()) {
            List<Span> kept = new ArrayList<>();
            for (Span s : spans) {
                if (s.start() >= n) {
                    kept.add(s.shifted(-n));
                }
            }
            spans.clear();
            spans.addAll(kept);
        }
        if (!literalSet.isEmpty()) {
            literalFrom = Math.max(0, literalFrom - (viewed ? view.dropBefore(n) : n));
        }
    }
}
