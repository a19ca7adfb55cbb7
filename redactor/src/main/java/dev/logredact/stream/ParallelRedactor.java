package dev.logredact.stream;

import dev.logredact.mask.Redactor;
import dev.logredact.match.LiteralIndex;
import dev.logredact.match.LiteralSet;
import dev.logredact.match.MatchText;
import dev.logredact.secrets.SecretRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies a byte stream to another, masking secrets, on several threads, with exactly the output of one
 * {@link StreamMasker} written the same blocks in order ({@link LineBlocks}: up to {@link #BLOCK_SIZE}
 * bytes ending at a line end).
 *
 * <p>Each block is masked ahead, on a worker, by a new masker with a private copy of the known secrets
 * ({@link SecretRegistry#fork()}). Blocks are then taken in order. A block's masked bytes are written
 * only when they are what the one masker would have written: it held nothing before the block, the
 * worker's masker holds nothing after it, no secret known by now but not to the copy (learned from an
 * earlier block in the meantime) occurs in the block or begins at its end, and learning the block's own
 * findings changes the known secrets as it did the copy. Otherwise the block goes through the one
 * masker after all. Private key blocks that span blocks, secrets learned in one block and printed in
 * the next, and unfinished lines all take that way; they are rare, and everything else runs in parallel.
 */
public final class ParallelRedactor {
    /** Large enough that a block costs little beyond its bytes, small enough that all workers start soon. */
    static final int BLOCK_SIZE = 256 * 1024;

    private final Redactor redactor;
    private final SecretRegistry secrets;
    private final Charset charset;
    private final int workers;
    private final int blockSize;
    private int blocksAhead;
    private int blocksInOrder;

    public ParallelRedactor(Redactor redactor, SecretRegistry secrets, Charset charset, int workers) {
        this(redactor, secrets, charset, workers, BLOCK_SIZE);
    }

    ParallelRedactor(Redactor redactor, SecretRegistry secrets, Charset charset, int workers, int blockSize) {
        this.redactor = redactor;
        this.secrets = secrets;
        this.charset = charset;
        this.workers = workers;
        this.blockSize = blockSize;
    }

    /** Copies {@code in} to {@code out} until end of input, masking; does not close either. */
    public void copy(InputStream in, OutputStream out) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads());
        try {
            StreamMasker inOrder = new StreamMasker(redactor, secrets, charset, out, StreamMasker.RedactionSink.NONE);
            LineBlocks blocks = new LineBlocks(in, blockSize);
            ArrayDeque<Ahead> ahead = new ArrayDeque<>();
            boolean more = true;
            while (more || !ahead.isEmpty()) {
                // Read on while input is there; with nothing ready, first write out what is masked.
                while (more && ahead.size() < 2 * workers && (ahead.isEmpty() || blocks.ready())) {
                    if (ahead.isEmpty()) {
                        out.flush();
                    }
                    LineBlocks.Block block = blocks.next();
                    if (block == null) {
                        more = false;
                    } else {
                        ahead.add(start(pool, block));
                    }
                }
                if (!ahead.isEmpty()) {
                    commit(ahead.poll(), inOrder, out);
                }
            }
            inOrder.releaseAll(true);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Blocks written as their worker masked them, so far. */
    int blocksAhead() {
        return blocksAhead;
    }

    /** Blocks that went through the one masker instead, so far. */
    int blocksInOrder() {
        return blocksInOrder;
    }

    private Ahead start(ExecutorService pool, LineBlocks.Block block) {
        // Made here, once per change, so that every copy shares the encoded set instead of building its own.
        secrets.current(charset);
        SecretRegistry copy = secrets.fork();
        return new Ahead(block, copy.version(), copy.formCount(), pool.submit(() -> mask(block, copy)));
    }

    private Masked mask(LineBlocks.Block block, SecretRegistry copy) throws IOException {
        Recording learning = new Recording(copy);
        ByteArrayOutputStream masked = new ByteArrayOutputStream(block.length + 256);
        StreamMasker masker = new StreamMasker(redactor, learning, charset, masked, StreamMasker.RedactionSink.NONE);
        masker.write(block.bytes, 0, block.length);
        return new Masked(masked, learning.learned, masker.atRest());
    }

    private void commit(Ahead ahead, StreamMasker inOrder, OutputStream out) throws IOException {
        Masked masked = result(ahead.masked);
        LineBlocks.Block block = ahead.block;
        if (masked.atRest && inOrder.atRest() && stillValid(ahead, masked)) {
            masked.bytes.writeTo(out);
            blocksAhead++;
        } else {
            blocksInOrder++;
            inOrder.write(block.bytes, 0, block.length);
        }
    }

    /**
     * Whether the block's masking holds now that the blocks before it are written: what they taught the
     * known secrets since the copy was made does not occur in it, and its own findings teach the same.
     * Its findings are learned here either way, as the one masker would have learned them.
     */
    private boolean stillValid(Ahead ahead, Masked masked) {
        boolean unchanged = secrets.version() == ahead.version;
        List<byte[]> since = unchanged ? null : secrets.patternsSince(ahead.formCount, charset);
        boolean same = true;
        for (Learned l : masked.learned) {
            same &= secrets.learn(l.ruleId, l.value) == l.registered;
        }
        return same && (unchanged || !mayOccurIn(since, ahead.block));
    }

    /**
     * False when no form occurs in the block as the masker sees it, nor begins at its end. The masker
     * sees whitespace runs as one space and escape sequences not at all; in a block without escape
     * sequences that ends a line, any such occurrence, or beginning of one, holds its form's first word
     * (up to its first space) as it stands in the bytes, so a search for first words is enough. Other
     * blocks are searched as the masker sees them.
     */
    private static boolean mayOccurIn(List<byte[]> forms, LineBlocks.Block block) {
        boolean plain = block.length > 0 && block.bytes[block.length - 1] == '\n'
                && !Escapes.in(block.bytes, 0, block.length);
        List<byte[]> searched = new ArrayList<>(forms.size());
        for (byte[] form : forms) {
            int space = 0;
            while (plain && space < form.length && form[space] != ' ') {
                space++;
            }
            if (form.length > 0) {
                searched.add(!plain || space == form.length ? form : Arrays.copyOf(form, space));
            }
        }
        if (searched.isEmpty()) {
            return false;
        }
        byte[] text = block.bytes;
        int length = block.length;
        if (!plain) {
            MatchText view = new MatchText();
            view.append(block.bytes, 0, block.length, 0);
            text = view.bytes();
            length = view.length();
        }
        boolean[] found = {false};
        int undecided = new LiteralIndex(searched.toArray(new byte[0][])).scan(text, 0, length,
                (start, end, pattern) -> found[0] = true);
        return found[0] || undecided < length;
    }

    private static Masked result(Future<Masked> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while masking");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "logredact-mask-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A block being masked ahead, and the point in the known secrets its copy started from. */
    private static final class Ahead {
        final LineBlocks.Block block;
        final long version;
        final int formCount;
        final Future<Masked> masked;

        Ahead(LineBlocks.Block block, long version, int formCount, Future<Masked> masked) {
            this.block = block;
            this.version = version;
            this.formCount = formCount;
            this.masked = masked;
        }
    }

    /** A block as its worker masked it. */
    private static final class Masked {
        final ByteArrayOutputStream bytes;
        final List<Learned> learned;
        final boolean atRest;

        Masked(ByteArrayOutputStream bytes, List<Learned> learned, boolean atRest) {
            this.bytes = bytes;
            this.learned = learned;
            this.atRest = atRest;
        }
    }

    /** One value a rule found, and whether the copy took it as a new secret. */
    private static final class Learned {
        final String ruleId;
        final String value;
        final boolean registered;

        Learned(String ruleId, String value, boolean registered) {
            this.ruleId = ruleId;
            this.value = value;
            this.registered = registered;
        }
    }

    /** The copy of the known secrets, noting each value learned, in order. */
    private static final class Recording implements LiteralSource {
        private final SecretRegistry copy;
        final List<Learned> learned = new ArrayList<>();

        Recording(SecretRegistry copy) {
            this.copy = copy;
        }

        @Override
        public LiteralSet current(Charset charset) {
            return copy.current(charset);
        }

        @Override
        public void learned(String ruleId, String value) {
            learned.add(new Learned(ruleId, value, copy.learn(ruleId, value)));
        }
    }
}
