package dev.logredact.attach;

import dev.logredact.logback.LogbackHooks;
import dev.logredact.stdio.SystemStreams;
import dev.logredact.stream.StreamMasker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Masking by the lazily built engine, counted under one channel: what the stream wrappers and the
 * framework hooks are given. A class rather than lambdas, which cost start-up time in every JVM.
 */
final class EngineMasking implements SystemStreams.MaskerFactory, LogbackHooks.BytesMasker, UnaryOperator<String> {
    private final LazyEngine engine;
    private final String channel;

    /** @param channel what text and bytes are counted under; streams name their own */
    EngineMasking(LazyEngine engine, String channel) {
        this.engine = engine;
        this.channel = channel;
    }

    @Override
    public StreamMasker create(OutputStream target, Charset charset, String streamChannel) {
        return engine.await().masker(target, charset, streamChannel);
    }

    @Override
    public byte[] mask(byte[] bytes) throws IOException {
        return engine.await().maskBytes(bytes, StandardCharsets.UTF_8, channel);
    }

    @Override
    public String apply(String text) {
        return engine.await().maskText(text, channel);
    }
}
