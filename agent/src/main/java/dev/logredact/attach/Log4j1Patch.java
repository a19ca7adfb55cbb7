package dev.logredact.attach;

import java.util.Collections;

/**
 * The Log4j 1 (and reload4j) classes patched to hand every text an appender writes to
 * {@code Log4j1Hooks} first: {@code WriterAppender#subAppend} writes the layout's text and, for
 * layouts that ignore throwables (PatternLayout), each stack trace line through its
 * {@code QuietWriter}; so do headers, footers and the syslog appender. {@code CountingQuietWriter}
 * (rolling files) overrides {@code write(String)} without calling it, so it is patched too;
 * {@code SyslogQuietWriter} calls it.
 */
final class Log4j1Patch {
    static final String QUIET_WRITER = "org/apache/log4j/helpers/QuietWriter";
    static final String COUNTING_QUIET_WRITER = "org/apache/log4j/helpers/CountingQuietWriter";
    static final String WRITE_DESCRIPTOR = "(Ljava/lang/String;)V";

    private Log4j1Patch() {
    }

    /** One transformer per class: one registered for several names would patch each of them once per name. */
    static LibraryEntryHookPatch writer(String className, String hookClass) {
        return new LibraryEntryHookPatch(className, hookClass, Collections.singletonList(
                EntryHookPatch.Target.replacingArgument("write", WRITE_DESCRIPTOR, "write", 0)));
    }
}
