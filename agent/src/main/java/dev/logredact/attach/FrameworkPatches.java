package dev.logredact.attach;

import dev.logredact.config.Hook;
import dev.logredact.jul.JulHooks;
import dev.logredact.log4j1.Log4j1Hooks;
import dev.logredact.log4j1.SocketEventHooks;
import dev.logredact.log4j2.Log4j2Hooks;
import dev.logredact.logback.JsonBufferHooks;
import dev.logredact.logback.LogbackHooks;
import dev.logredact.logback.SerializedEventHooks;
import dev.logredact.slf4j.SimpleLoggerHooks;
import dev.logredact.stdio.SystemStreams;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The logging-framework patches, behind one transformer that knows them by class name only: a JVM that
 * never loads a framework class pays one {@code switch} on each class name it loads, and loads none of
 * the hooks or patches. When a framework's first hooked class appears (or is found loaded already, when
 * the agent attaches late), that framework's hook gets its masker and its patches are made; the hooked
 * class is patched as it loads, so no event is written unmasked.
 */
final class FrameworkPatches implements ClassFileTransformer {
    /** Makes the event every socket appender of Logback classic serialises. */
    static final String SERIALIZATION_TRANSFORMER = "ch/qos/logback/classic/net/LoggingEventPreSerializationTransformer";

    /** Holds each event logstash-logback-encoder's TCP appenders encode, on its way to the socket. */
    static final String LOGSTASH_BUFFER = "net/logstash/logback/util/ReusableByteBuffer";

    private final Set<Hook> enabled;
    private final LazyEngine engine;
    private final SystemStreams streams;
    /** Patch per hooked class of the frameworks installed so far. */
    private final Map<String, ClassFileTransformer> patches = new HashMap<>();
    private final Set<Hook> installed = new HashSet<>();

    FrameworkPatches(Set<Hook> enabled, LazyEngine engine, SystemStreams streams) {
        this.enabled = enabled;
        this.engine = engine;
        this.streams = streams;
    }

    /** The framework whose class this is, if that framework is to be masked; null otherwise. */
    Hook framework(String internalName) {
        if (internalName == null) {
            return null;
        }
        Hook hook;
        switch (internalName) {
            case LogbackAppenderPatch.APPENDER:
            case SERIALIZATION_TRANSFORMER:
            case LOGSTASH_BUFFER:
                hook = Hook.LOGBACK;
                break;
            case Log4j2Patch.STRING_BUILDER_ENCODER:
            case Log4j2Patch.LOCKING_STRING_BUILDER_ENCODER:
            case Log4j2Patch.JSON_TEMPLATE_ENCODER:
            case Log4j2Patch.ABSTRACT_STRING_LAYOUT:
            case Log4j2Patch.JSON_TEMPLATE_LAYOUT:
                hook = Hook.LOG4J2;
                break;
            case "java/util/logging/SimpleFormatter":
            case "java/util/logging/XMLFormatter":
                hook = Hook.JUL;
                break;
            case Log4j1Patch.QUIET_WRITER:
            case Log4j1Patch.COUNTING_QUIET_WRITER:
            case Log4j1Patch.SOCKET_APPENDER:
            case Log4j1Patch.SOCKET_HUB_APPENDER:
                hook = Hook.LOG4J1;
                break;
            case SimpleLoggerHooks.OUTPUT_CHOICE:
                hook = Hook.SLF4J_SIMPLE;
                break;
            default:
                return null;
        }
        return enabled.contains(hook) ? hook : null;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        Hook hook = framework(className);
        if (hook == null) {
            return null;
        }
        try {
            ClassFileTransformer patch = patchFor(hook, className);
            return patch == null ? null : patch.transform(loader, className, classBeingRedefined, protectionDomain,
                    classfileBuffer);
        } catch (Throwable t) {
            PatchLog.skipped(className, "could not be patched (" + t + ")");
            return null;
        }
    }

    /** The patch of a framework's class; the framework is installed on its first class, once. */
    synchronized ClassFileTransformer patchFor(Hook hook, String className) {
        if (installed.add(hook)) {
            install(hook);
        }
        return patches.get(className);
    }

    /** Gives the framework's hook its masker, and makes the patches of its classes. */
    private void install(Hook hook) {
        Map<String, ClassFileTransformer> added = patches;
        switch (hook) {
            case LOGBACK:
                LogbackHooks.install(new LogbackMasking(engine));
                JsonBufferHooks.install(new LogbackMasking(engine));
                added.put(LOGSTASH_BUFFER, new LibraryEntryHookPatch(LOGSTASH_BUFFER, JsonBufferHooks.class.getName(),
                        Collections.singletonList(new EntryHookPatch.Target("writeTo", "(Ljava/io/OutputStream;)V",
                                "maskBuffer", false))));
                added.put(LogbackAppenderPatch.APPENDER, new LogbackAppenderPatch(LogbackHooks.class.getName()));
                SerializedEventHooks.install(new EngineMasking(engine, "logback"));
                // Only the typed method: the bridge transform(Object) calls it, and an event is masked once.
                added.put(SERIALIZATION_TRANSFORMER, new ReturnValuePatch(SERIALIZATION_TRANSFORMER,
                        SerializedEventHooks.class.getName(), Collections.singletonList(ReturnValuePatch.Target.nullOnFailure(
                        "transform", "(Lch/qos/logback/classic/spi/ILoggingEvent;)Ljava/io/Serializable;", "maskEvent"))));
                break;
            case LOG4J2:
                Log4j2Hooks.install(new EngineMasking(engine, "log4j2"));
                String hooks = Log4j2Hooks.class.getName();
                for (String encoder : new String[] {Log4j2Patch.STRING_BUILDER_ENCODER,
                        Log4j2Patch.LOCKING_STRING_BUILDER_ENCODER, Log4j2Patch.JSON_TEMPLATE_ENCODER}) {
                    added.put(encoder, Log4j2Patch.encoder(encoder, hooks));
                }
                added.put(Log4j2Patch.ABSTRACT_STRING_LAYOUT, Log4j2Patch.layout(hooks));
                added.put(Log4j2Patch.JSON_TEMPLATE_LAYOUT, Log4j2Patch.jsonTemplateLayout(hooks, Log4j2Hooks.WITHHELD_JSON));
                break;
            case JUL:
                JulHooks.install(new EngineMasking(engine, "jul"));
                String format = "(Ljava/util/logging/LogRecord;)Ljava/lang/String;";
                for (String formatter : new String[] {"java/util/logging/SimpleFormatter", "java/util/logging/XMLFormatter"}) {
                    added.put(formatter, new ReturnValuePatch(formatter, JulHooks.class.getName(), Collections.singletonList(
                            new ReturnValuePatch.Target("format", format, "format",
                                    JulHooks.fallback(formatter.endsWith("XMLFormatter"))))));
                }
                break;
            case LOG4J1:
                Log4j1Hooks.install(new EngineMasking(engine, "log4j1"));
                for (String writer : new String[] {Log4j1Patch.QUIET_WRITER, Log4j1Patch.COUNTING_QUIET_WRITER}) {
                    added.put(writer, Log4j1Patch.writer(writer, Log4j1Hooks.class.getName()));
                }
                SocketEventHooks.install(new EngineMasking(engine, "log4j1"));
                for (String appender : new String[] {Log4j1Patch.SOCKET_APPENDER, Log4j1Patch.SOCKET_HUB_APPENDER}) {
                    added.put(appender, Log4j1Patch.socketAppender(appender, SocketEventHooks.class.getName()));
                }
                break;
            case SLF4J_SIMPLE:
                SimpleLoggerHooks.install(streams);
                added.put(SimpleLoggerHooks.OUTPUT_CHOICE, new ReturnValuePatch(SimpleLoggerHooks.OUTPUT_CHOICE,
                        SimpleLoggerHooks.class.getName(), Collections.singletonList(
                        ReturnValuePatch.Target.keepingValueOnFailure("getTargetPrintStream", "()Ljava/io/PrintStream;",
                                "targetStream"))));
                break;
            default:
                break;
        }
    }

    /** What is not masked when {@code hook}'s classes, loaded already, cannot be retransformed. */
    static String loss(Hook hook) {
        return hook == Hook.SLF4J_SIMPLE ? "the file slf4j-simple logs to (org.slf4j.simpleLogger.logFile) is not masked"
                : "what " + hook + "'s appenders and handlers write (files, sockets) is masked only where it reaches System.out/err";
    }

    /** Logback's bytes masked by the engine: apart from {@link EngineMasking}, which every JVM loads. */
    private static final class LogbackMasking implements LogbackHooks.BytesMasker {
        private final LazyEngine engine;

        LogbackMasking(LazyEngine engine) {
            this.engine = engine;
        }

        @Override
        public byte[] mask(byte[] bytes) throws IOException {
            return engine.await().maskBytes(bytes, StandardCharsets.UTF_8, "logback");
        }
    }
}
