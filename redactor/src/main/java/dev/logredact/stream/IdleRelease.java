package dev.logredact.stream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One daemon thread that releases partial lines left waiting, so that a prompt such as
 * {@code Password: } shows although no newline follows. A stream registers itself while it holds
 * bytes; the thread never keeps the JVM alive.
 */
final class IdleRelease {
    private static final long TICK_MILLIS = 25;
    private static final Set<MaskingOutputStream> WAITING = ConcurrentHashMap.newKeySet();
    private static volatile Thread thread;

    private IdleRelease() {
    }

    static void watch(MaskingOutputStream stream) {
        WAITING.add(stream);
        if (thread == null) {
            start();
        }
    }

    static void forget(MaskingOutputStream stream) {
        WAITING.remove(stream);
    }

    private static synchronized void start() {
        if (thread != null) {
            return;
        }
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                loop();
            }
        }, "logredact-idle-release");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private static void loop() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                thread = null;
                return;
            }
            long now = System.nanoTime();
            for (MaskingOutputStream stream : WAITING) {
                stream.releaseIfIdle(now);
            }
        }
    }
}
