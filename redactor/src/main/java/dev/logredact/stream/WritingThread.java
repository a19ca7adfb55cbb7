package dev.logredact.stream;

/**
 * The thread whose write is being masked, as redaction events name it: usually the current one, but
 * while a {@link WriteBacklog} is replayed, or a queue of writes is masked on a thread of its own, the
 * thread that wrote the bytes.
 */
public final class WritingThread {
    private static final ThreadLocal<String> REPLAYED_FOR = new ThreadLocal<>();

    private WritingThread() {
    }

    /** The name of the thread that wrote what is being masked now. */
    public static String name() {
        String replayedFor = REPLAYED_FOR.get();
        return replayedFor != null ? replayedFor : Thread.currentThread().getName();
    }

    /** While this thread masks {@code writer}'s bytes; null when it is done. */
    public static void onBehalfOf(String writer) {
        if (writer == null) {
            REPLAYED_FOR.remove();
        } else {
            REPLAYED_FOR.set(writer);
        }
    }
}
