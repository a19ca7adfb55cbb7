package dev.logredact.attach;

import dev.logredact.stdio.SystemStreams;
import dev.logredact.stream.StreamMasker;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.function.UnaryOperator;

/**
 * Masking by the lazily built engine, counted under one channel: what the stream wrappers and the
 * framework hooks that take text are given. A class rather than lambdas, which cost start-up time in
 * every JVM; it names no framework's type, so a JVM without one loads none of their hooks.
 */
final class EngineMasking implements SystemStreams.MaskerFactory, UnaryOperator<String> {
    private final LazyEngine engine;
    private final String channel;

    /** @param channel what text is counted under; streams name their own */
    EngineMasking(LazyEngine engine, String channel) {
        this.engine = engine;
        this.channel = channel;
    }

    @Override
    public StreamMasker create(OutputStream target, Charset charset, String streamChannel) {
        return engine.await().masker(target, charset, streamChannel);
    }

    @Override
    public String apply(String text) {
        return engine.await().maskText(text, channel);
    }
}
