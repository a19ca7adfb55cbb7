package dev.logredact.attach;

import org.apache.maven.surefire.api.report.LegacyPojoStackTraceWriter;
import org.apache.maven.surefire.api.report.ReportEntry;
import org.apache.maven.surefire.api.report.RunMode;
import org.apache.maven.surefire.api.report.SimpleReportEntry;
import org.apache.maven.surefire.api.report.StackTraceWriter;
import org.apache.maven.surefire.api.report.TestSetReportEntry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Collections;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurefireEntriesTest {
    private static final String DEPLOY_TOKEN = "dt-8Hq3Lz7Vw2Nc5Rm9Kx4B";
    private static final String PAT = "ghp_" + "Tz4Kc8Wm2Qv6Xn1Rb5Hp9Ls3Jd7Fg0Ay2Ne6";

    private static final Engine ENGINE = Engine.build(new Engine.Settings(),
            Collections.singletonMap("DEPLOY_TOKEN", DEPLOY_TOKEN), new PrintStream(new ByteArrayOutputStream()));
    private static final UnaryOperator<String> MASKER = text -> ENGINE.maskText(text, "test");

    private static ReportEntry failure() {
        Throwable thrown = new AssertionError("token mismatch for " + DEPLOY_TOKEN + " ==> but was: <" + PAT + ">");
        StackTraceWriter trace = new LegacyPojoStackTraceWriter("example.FailuresTest", "fails", thrown);
        return SimpleReportEntry.withException(RunMode.NORMAL_RUN, 1L, "example.FailuresTest", null,
                "fails", "fails with " + PAT, trace);
    }

    @Test
    void everyTextOfAFailureIsMasked() {
        ReportEntry original = failure();
        ReportEntry masked = (ReportEntry) SurefireEntries.masked(original, MASKER);

        assertEquals("example.FailuresTest", masked.getSourceName());
        assertEquals("fails", masked.getName());
        assertEquals("fails with [REDACTED:github-pat]", masked.getNameText());
        assertEquals(original.getElapsed(), masked.getElapsed());
        assertEquals(RunMode.NORMAL_RUN, masked.getRunMode());
        StackTraceWriter trace = masked.getStackTraceWriter();
        String expected = "token mismatch for [REDACTED:env:DEPLOY_TOKEN] ==> but was: <[REDACTED:github-pat]>";
        assertEquals(expected, trace.getThrowable().getLocalizedMessage());
        for (String text : new String[] {trace.smartTrimmedStackTrace(), trace.writeTraceToString(),
                trace.writeTrimmedTraceToString()}) {
            assertTrue(text.contains(expected), text);
            assertFalse(text.contains(DEPLOY_TOKEN) || text.contains(PAT), text);
        }
        assertTrue(original.getStackTraceWriter().writeTraceToString().contains(PAT), "the fork's own entry is unchanged");
    }

    @Test
    void aTestSetEntryKeepsItsInterface() {
        SimpleReportEntry set = new SimpleReportEntry(RunMode.NORMAL_RUN, 1L, "example.FailuresTest", null, null, null,
                Collections.singletonMap("java.version", "17"));
        Object masked = SurefireEntries.masked(set, MASKER);
        assertTrue(masked instanceof TestSetReportEntry);
        assertEquals(Collections.singletonMap("java.version", "17"), ((TestSetReportEntry) masked).getSystemProperties());
    }

    @Test
    void anObjectWithoutSurefireInterfacesIsLeftAlone() {
        Object text = "not an entry";
        assertSame(text, SurefireEntries.masked(text, MASKER));
    }
}
