package dev.logredact.stream;

/**
 * The thread whose write is being masked, as redaction events name it: usually the current one, but
 * while a {@link WriteBacklog} is replayed, the thread that wrote the held bytes, not the one replaying.
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

    /** While a replay masks {@code writer}'s bytes on this thread; null when it is done. */
    static void replayingFor(String writer) {
        if (writer == null) {
            REPLAYED_FOR.remove();
        } else {
            REPLAYED_FOR.set(writer);
        }
    }
}
