package dev.logredact.stream;

import dev.logredact.mask.Redactor;
import dev.logredact.match.LiteralSet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies a byte stream to another, masking secrets, on several threads, with exactly the output of one
 * {@link StreamMasker} written the same blocks in order ({@link LineBlocks}: up to {@link #BLOCK_SIZE}
 * bytes ending at a line end).
 *
 * <p>A masker's write has two passes: the rules go over the block's lines and may find secrets, then
 * the known secrets, with those just found, are matched across the whole block. Each block gets a new
 * masker on a worker, so the rules, most of the work, run on all blocks at once. A worker's second pass
 * waits until the block before it is written: by then the known secrets are what one masker would know
 * at that point, and the worker adds its own findings to them, in order. The block's masked bytes are
 * then exactly the one masker's, provided that masker would hold nothing from the blocks before and the
 * worker's masker holds nothing at the end. Where that is not so (a private key block or an unfinished
 * line across blocks), the block goes through the one masker instead, which then has every finding
 * before it already learned.
 */
public final class ParallelRedactor {
    /** Large enough that a block costs little beyond its bytes, small enough that all workers start soon. */
    static final int BLOCK_SIZE = 256 * 1024;

    private final Redactor redactor;
    private final LiteralSource secrets;
    private final Charset charset;
    private final int workers;
    private final int blockSize;
    private final Order order = new Order();
    private int blocksAhead;
    private int blocksInOrder;

    public ParallelRedactor(Redactor redactor, LiteralSource secrets, Charset charset, int workers) {
        this(redactor, secrets, charset, workers, BLOCK_SIZE);
    }

    ParallelRedactor(Redactor redactor, LiteralSource secrets, Charset charset, int workers, int blockSize) {
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
            int started = 0;
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
                        int number = started++;
                        ahead.add(new Ahead(block, pool.submit(() -> mask(number, block))));
                    }
                }
                if (!ahead.isEmpty()) {
                    commit(ahead.poll(), inOrder, out);
                }
            }
            inOrder.releaseAll(true);
        } finally {
            order.abandon();
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

    private Masked mask(int number, LineBlocks.Block block) throws IOException, InterruptedException {
        InTurn known = new InTurn(number);
        ByteArrayOutputStream masked = new ByteArrayOutputStream(block.length + 256);
        StreamMasker masker = new StreamMasker(redactor, known, charset, masked, StreamMasker.RedactionSink.NONE);
        masker.write(block.bytes, 0, block.length);
        // Its findings count in order even if the masker never asked for the known secrets.
        known.takeTurn();
        return new Masked(masked, known.usable && masker.atRest());
    }

    private void commit(Ahead ahead, StreamMasker inOrder, OutputStream out) throws IOException {
        Masked masked = result(ahead.masked);
        if (masked.exact) {
            masked.bytes.writeTo(out);
            blocksAhead++;
        } else {
            // What the worker found is learned already; the one masker finds the same and more.
            inOrder.write(ahead.block.bytes, 0, ahead.block.length);
            blocksInOrder++;
        }
        order.written(inOrder.atRest());
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

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "logredact-mask-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** How far the writing has come: blocks written, and whether the one masker holds nothing now. */
    private static final class Order {
        private int written;
        private boolean atRest = true;
        private boolean abandoned;

        synchronized void written(boolean inOrderAtRest) {
            written++;
            atRest = inOrderAtRest;
            notifyAll();
        }

        /** Waits until the blocks before {@code block} are written; returns whether the one masker then holds nothing. */
        synchronized boolean awaitBefore(int block) throws InterruptedException {
            while (written < block && !abandoned) {
                wait();
            }
            if (abandoned) {
                throw new InterruptedException("the copy stopped");
            }
            return atRest;
        }

        /** Wakes every worker that waits, for good: the copy has ended or failed. */
        synchronized void abandon() {
            abandoned = true;
            notifyAll();
        }
    }

    /**
     * The known secrets as one block's worker sees them: findings are noted, and learned when the blocks
     * before are written, just before the second pass matches the secrets known then.
     */
    private final class InTurn implements LiteralSource {
        private final int block;
        private final List<String[]> found = new ArrayList<>();
        private LiteralSet known;
        /** False when the one masker held bytes before this block: it masks the block itself. */
        boolean usable;

        InTurn(int block) {
            this.block = block;
        }

        @Override
        public void learned(String ruleId, String value) {
            found.add(new String[] {ruleId, value});
        }

        @Override
        public LiteralSet current(Charset cs) {
            try {
                takeTurn();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped while masking", e);
            }
            return known;
        }

        void takeTurn() throws InterruptedException {
            if (known != null) {
                return;
            }
            usable = order.awaitBefore(block);
            // Learned here only where the one masker would have learned the same at this point; else it does.
            if (usable) {
                for (String[] f : found) {
                    secrets.learned(f[0], f[1]);
                }
                known = secrets.current(charset);
            } else {
                known = LiteralSet.EMPTY;
            }
        }
    }

    /** A block being masked ahead. */
    private static final class Ahead {
        final LineBlocks.Block block;
        final Future<Masked> masked;

        Ahead(LineBlocks.Block block, Future<Masked> masked) {
            this.block = block;
            this.masked = masked;
        }
    }

    /** A block as its worker masked it, and whether that is what one masker would have written. */
    private static final class Masked {
        final ByteArrayOutputStream bytes;
        final boolean exact;

        Masked(ByteArrayOutputStream bytes, boolean exact) {
            this.bytes = bytes;
            this.exact = exact;
        }
    }
}
