package dev.logredact.attach;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurefireForkTest {
    private static final String DB_PASSWORD = "pgPw-7Rk29xLmTzQ4vN";
    private static final String PAT = "ghp_" + "Vb3Nq8Rt5Wx2Zk7Lm4Pd9Hs6Jf1Gc0Ya2Ue8";

    private static final Engine ENGINE = Engine.build(new Engine.Settings(),
            Collections.singletonMap("DB_PASSWORD", DB_PASSWORD), new PrintStream(new ByteArrayOutputStream()));
    private static final UnaryOperator<String> MASKER = text -> ENGINE.maskText(text, "test");

    @Test
    void recognisesTheBooterCommand() {
        assertTrue(SurefireFork.isCommand("/p/target/surefire/surefirebooter-20261129093436_3.jar /p/target/surefire 1 t.tmp"));
        assertTrue(SurefireFork.isCommand("org.apache.maven.surefire.booter.ForkedBooter /p/target/surefire"));
        assertTrue(!SurefireFork.isCommand("org.codehaus.plexus.classworlds.launcher.Launcher -B test"));
    }

    @Test
    void secretValuesAreMaskedAndEverythingElseKept() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("user.dir", "/work/app");
        properties.put("db.password", DB_PASSWORD);
        properties.put("github.token", PAT);
        properties.put("line.separator", "\n");
        properties.put("empty", "");

        Map<String, String> masked = SurefireFork.mask(properties, MASKER);

        Map<String, String> expected = new LinkedHashMap<>(properties);
        expected.put("db.password", "[REDACTED:env:DB_PASSWORD]");
        expected.put("github.token", "[REDACTED:github-pat]");
        assertEquals(expected, masked);
        assertEquals(DB_PASSWORD, properties.get("db.password"), "the fork's own properties are not changed");
    }

    @Test
    void aValueIsMaskedForItsNameToo() {
        // Known to no registry and of no token format: only a rule that reads the name finds it.
        assertEquals("[REDACTED:generic-password]", SurefireFork.maskValue("db.admin.password", "Qz8-hunter-Lw2", MASKER));
    }

    @Test
    void withNothingSecretTheSameMapIsSent() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("java.version", "17.0.15");
        properties.put("surefire.test.class.path", "/work/app/target/test-classes:/root/.m2/x.jar");
        assertSame(properties, SurefireFork.mask(properties, MASKER));
    }

    @Test
    void theHookLeavesAnythingButAMapAlone() {
        Object notAMap = "text";
        assertSame(notAMap, SurefireFork.systemProperties(notAMap));
    }
}
