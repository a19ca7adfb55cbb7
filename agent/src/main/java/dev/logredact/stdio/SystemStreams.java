package dev.logredact.stdio;

import dev.logredact.stream.MaskingOutputStream;
import dev.logredact.stream.StreamMasker;
import dev.logredact.stream.WriteBacklog;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wraps print streams bound for standard output or error in {@link MaskingPrintStream}s. A stream is
 * wrapped once: setting a wrapper again, or its original again, gives the same wrapper, so an
 * application that saves and restores {@code System.out} sees the identity it expects.
 */
public final class SystemStreams {
    /**
     * Creates the masker for a stream, given where its masked bytes go, its charset and its channel;
     * called on the stream's first write, so it may wait for an engine still loading.
     */
    public interface MaskerFactory {
        StreamMasker create(OutputStream target, Charset charset, String channel);
    }

    private final MaskerFactory factory;
    private final WriteBacklog backlog;
    private final long idleMillis;
    private final boolean withholdOnError;
    private final Map<PrintStream, MaskingPrintStream> wrappers =
            Collections.synchronizedMap(new WeakHashMap<PrintStream, MaskingPrintStream>());
    private final List<MaskingPrintStream> all = new CopyOnWriteArrayList<>();
    private final ConsoleOutput console = new ConsoleOutput();
    private final WriteBehind writeBehind = new WriteBehind();

    /** @param backlog where writes wait until the factory can make maskers, or null to wait in the writer */
    public SystemStreams(MaskerFactory factory, WriteBacklog backlog, long idleMillis, boolean withholdOnError) {
        this.factory = factory;
        this.backlog = backlog;
        this.idleMillis = idleMillis;
        this.withholdOnError = withholdOnError;
    }

    /** The masking stream for {@code stream} on {@code channel}; the argument itself if it already masks. */
    public PrintStream wrap(PrintStream stream, String channel) {
        return wrap(stream, new WriteThrough(stream), channel, false);
    }

    /**
     * Wraps the JVM's own standard stream: what is printed is masked behind the writing threads
     * ({@link WriteBehind}) and reaches the file descriptor through the {@link ConsoleOutput} the two
     * standard streams share, and a stream the descriptor hook lets pass without a look.
     */
    public PrintStream wrapStandard(PrintStream original, FileDescriptor fd, String channel) {
        return wrap(original, console.channel(new WriteThrough(new PassingFileOutputStream(fd))), channel, true);
    }

    /** The stream that writes to the descriptor of the standard stream wrapped for {@code channel} share, or null. */
    public OutputStream standardStream(String channel) {
        for (MaskingPrintStream s : all) {
            if (s.isStandard(channel)) {
                return s.front();
            }
        }
        return null;
    }

    private PrintStream wrap(PrintStream stream, OutputStream target, String channel, boolean standard) {
        if (stream == null || stream instanceof MaskingPrintStream) {
            return stream;
        }
        synchronized (wrappers) {
            MaskingPrintStream existing = wrappers.get(stream);
            if (existing != null) {
                return existing;
            }
            Charset charset = charsetOf(stream, standard ? channel : null);
            MaskingOutputStream masking = new MaskingOutputStream(target,
                    new FactoryCall(factory, target, charset, channel), backlog, idleMillis, withholdOnError);
            OutputStream front = standard ? writeBehind.channel(masking) : masking;
            MaskingPrintStream wrapper;
            try {
                wrapper = new MaskingPrintStream(stream, front, masking, charset, standard ? channel : null);
            } catch (UnsupportedEncodingException e) {
                // The charset came from a live stream, so it exists; if not, leaving the stream is all we can do.
                return stream;
            }
            wrappers.put(stream, wrapper);
            all.add(wrapper);
            return wrapper;
        }
    }

    /** One stream's masker from the factory; a class, not a lambda, which costs start-up time. */
    private static final class FactoryCall implements MaskingOutputStream.Supplier {
        private final MaskerFactory factory;
        private final OutputStream target;
        private final Charset charset;
        private final String channel;

        FactoryCall(MaskerFactory factory, OutputStream target, Charset charset, String channel) {
            this.factory = factory;
            this.target = target;
            this.charset = charset;
            this.channel = channel;
        }

        @Override
        public StreamMasker get() {
            return factory.create(target, charset, channel);
        }
    }

    /**
     * Hands what the application's threads have queued to the masking streams, and from now on makes
     * every write go to them at once: the JVM is about to exit.
     */
    public void drainQueued() {
        try {
            writeBehind.drain();
        } catch (IOException e) {
            // Standard output is gone (a closed pipe): at exit there is no one left to tell.
        }
    }

    /** Writes out everything every wrapper holds: the JVM is about to exit. */
    public void drainAll() {
        drainQueued();
        for (MaskingPrintStream s : all) {
            s.drain();
        }
    }

    /**
     * Where the agent writes its own messages: standard error as it was at start-up, written as it is,
     * never masked. Its messages never hold a value, and they must not wait for the masking engine: the
     * engine's own warnings (a rule file it cannot read, a known secret it refuses) are written while it
     * is being built, and through the masking streams they would wait for it, that is, for themselves.
     */
    public static PrintStream agentMessages(PrintStream original) {
        try {
            return new PrintStream(new WriteThrough(original), true, charsetOf(original, "stderr").name());
        } catch (java.io.UnsupportedEncodingException e) {
            return original;
        }
    }

    /**
     * The charset the stream encodes with, so masked output is encoded exactly as the original would
     * have been: {@code PrintStream.charset()} on Java 18+, else the platform's console properties.
     *
     * @param standard for a standard stream as the JVM made it, its channel ({@code stdout} or
     *     {@code stderr}); else null
     */
    static Charset charsetOf(PrintStream stream, String standard) {
        if (standard != null && stream.getClass() == PrintStream.class) {
            // Java 19+ makes System.out and System.err in the charsets these properties name (UTF-8 if
            // unknown). Read so, not by reflection: on Java 18+ the first Method.invoke of a kind spins
            // method handle classes, 0.8 ms of every JVM's start-up.
            String name = System.getProperty(standard + ".encoding");
            if (name != null) {
                return Charset.isSupported(name) ? Charset.forName(name) : StandardCharsets.UTF_8;
            }
        }
        try {
            Method charset = PrintStream.class.getMethod("charset");
            return (Charset) charset.invoke(stream);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Java 8 to 17: no accessor; the JDK built System.out and System.err from these properties
            // (the first set only for a console), and a stream of the application's most likely alike.
            String console = "stderr".equals(standard) ? "sun.stderr.encoding" : "sun.stdout.encoding";
            for (String property : new String[] {console, "file.encoding"}) {
                String name = System.getProperty(property);
                if (name != null && Charset.isSupported(name)) {
                    return Charset.forName(name);
                }
            }
            return Charset.defaultCharset();
        }
    }
}
