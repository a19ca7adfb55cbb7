package dev.logredact.attach;

import java.util.Collections;

/**
 * The Log4j 1 (and reload4j) classes patched to hand every text an appender writes to
 * {@code Log4j1Hooks} first: {@code WriterAppender#subAppend} writes the layout's text and, for
 * layouts that ignore throwables (PatternLayout), each stack trace line through its
 * {@code QuietWriter}; so do headers, footers and the syslog appender. {@code CountingQuietWriter}
 * (rolling files) overrides {@code write(String)} without calling it, so it is patched too;
 * {@code SyslogQuietWriter} calls it. The socket appenders write no text but serialise the event:
 * their {@code append(LoggingEvent)} gets {@code SocketEventHooks}' masked copy in its place.
 */
final class Log4j1Patch {
    static final String QUIET_WRITER = "org/apache/log4j/helpers/QuietWriter";
    static final String COUNTING_QUIET_WRITER = "org/apache/log4j/helpers/CountingQuietWriter";
    static final String WRITE_DESCRIPTOR = "(Ljava/lang/String;)V";
    static final String SOCKET_APPENDER = "org/apache/log4j/net/SocketAppender";
    static final String SOCKET_HUB_APPENDER = "org/apache/log4j/net/SocketHubAppender";
    static final String APPEND_DESCRIPTOR = "(Lorg/apache/log4j/spi/LoggingEvent;)V";

    private Log4j1Patch() {
    }

    /** One transformer per class: one registered for several names would patch each of them once per name. */
    static LibraryEntryHookPatch writer(String className, String hookClass) {
        return new LibraryEntryHookPatch(className, hookClass, Collections.singletonList(
                EntryHookPatch.Target.replacingArgument("write", WRITE_DESCRIPTOR, "write", 0)));
    }

    /**
     * A socket appender's {@code append}: both send nothing for a null event, which the event becomes
     * when the hook cannot be called.
     */
    static LibraryEntryHookPatch socketAppender(String className, String hookClass) {
        return new LibraryEntryHookPatch(className, hookClass, Collections.singletonList(
                EntryHookPatch.Target.replacingArgumentOrNull("append", APPEND_DESCRIPTOR, "maskEvent", 0)));
    }
}
