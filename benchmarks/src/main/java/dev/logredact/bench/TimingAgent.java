package dev.logredact.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@code -javaagent} around logredact's agent, for startup-phases.sh: it calls
 * {@code LogredactAgent.premain} unchanged and notes when each start-up phase ends, so the agent's cost
 * can be split without touching the product. JFR cannot do it: a recording starts only after every
 * premain has returned.
 *
 * <p>Its jar names logredact-agent.jar in {@code Boot-Class-Path}, as the agent's own manifest does, so
 * the product's classes come from the product's jar, loaded as in use. Times are {@link System#nanoTime} from this premain's first line; {@link StartupProbe}
 * adds when main started and when its line was printed. One line goes to file descriptor 2 at exit,
 * past the agent's wrapped {@code System.err}:
 * {@code phases load=… premain=… main=… printed=… engine=… exit=…} in ms, -1 for what did not happen.
 *
 * <p>With {@code -Dbench.samples=FILE} it also samples the stacks of the thread that runs premain (then
 * main) and of the agent's engine thread about every millisecond and appends them to FILE as collapsed
 * stacks ({@code thread;outermost;...;innermost count}). {@link Thread#getStackTrace} samples only at
 * safepoints, but at start-up nearly all code is interpreted, where safepoint checks are frequent.
 */
public final class TimingAgent {
    static volatile long start;
    static volatile long loaded = -1;
    static volatile long premainDone = -1;
    static volatile long engineDone = -1;
    static volatile long mainStart = -1;
    static volatile long printed = -1;

    private TimingAgent() {
    }

    private static final Map<String, Integer> SAMPLES = new HashMap<>();
    private static volatile boolean sampling;
    private static volatile Thread watcher;

    public static void premain(String arguments, Instrumentation instrumentation) throws Exception {
        start = System.nanoTime();
        String samples = System.getProperty("bench.samples");
        if (samples != null) {
            startSampler(Thread.currentThread());
        }
        Class<?> agent = Class.forName("dev.logredact.attach.LogredactAgent");
        loaded = System.nanoTime();
        agent.getMethod("premain", String.class, Instrumentation.class).invoke(null, arguments, instrumentation);
        premainDone = System.nanoTime();
        // The agent starts its engine's thread on the first write, so it is looked for until it appears
        // (with Thread.enumerate, which is cheap, every half millisecond), then joined.
        watcher = new Thread(() -> {
            try {
                Thread builder = null;
                while (builder == null) {
                    Thread[] threads = new Thread[Thread.activeCount() + 8];
                    int n = Thread.enumerate(threads);
                    for (int i = 0; i < n; i++) {
                        if (threads[i].getName().equals("logredact-engine")) {
                            builder = threads[i];
                        }
                    }
                    if (builder == null) {
                        Thread.sleep(0, 500_000);
                    }
                }
                builder.join();
                engineDone = System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "timing-agent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Runtime.getRuntime().addShutdownHook(new Thread(TimingAgent::report, "timing-agent-exit"));
    }

    private static void startSampler(Thread main) {
        sampling = true;
        Thread sampler = new Thread(() -> {
            Thread engine = null;
            while (sampling) {
                if (engine == null) {
                    for (Thread t : Thread.getAllStackTraces().keySet()) {
                        if (t.getName().equals("logredact-engine")) {
                            engine = t;
                        }
                    }
                }
                sample("main", main);
                if (engine != null) {
                    sample("engine", engine);
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "timing-agent-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static void sample(String name, Thread thread) {
        if (!thread.isAlive()) {
            return;
        }
        StackTraceElement[] stack = thread.getStackTrace();
        if (stack.length == 0) {
            return;
        }
        StringBuilder key = new StringBuilder(name);
        for (int i = stack.length - 1; i >= 0; i--) {
            key.append(';').append(stack[i].getClassName()).append('.').append(stack[i].getMethodName());
        }
        synchronized (SAMPLES) {
            SAMPLES.merge(key.toString(), 1, Integer::sum);
        }
    }

    private static void writeSamples(String file) {
        sampling = false;
        StringBuilder out = new StringBuilder();
        synchronized (SAMPLES) {
            for (Map.Entry<String, Integer> e : SAMPLES.entrySet()) {
                out.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
            }
        }
        try (FileOutputStream f = new FileOutputStream(file, true)) {
            f.write(out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The phases line still goes out.
        }
    }

    private static void report() {
        long exit = System.nanoTime();
        try {
            // Shutdown hooks run side by side: the agent's own may still be waiting for its engine.
            watcher.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String samples = System.getProperty("bench.samples");
        if (samples != null) {
            writeSamples(samples);
        }
        // -1: the engine was never built (nothing was written, or the agent is disabled).
        String line = "phases load=" + ms(loaded) + " premain=" + ms(premainDone) + " main=" + ms(mainStart)
                + " printed=" + ms(printed) + " engine=" + ms(engineDone) + " exit=" + ms(exit) + "\n";
        try (FileOutputStream fd2 = new FileOutputStream(FileDescriptor.err)) {
            fd2.write(line.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // Nothing to report to.
        }
    }

    private static String ms(long t) {
        return t < 0 ? "-1" : String.format("%.1f", (t - start) / 1e6);
    }
}
