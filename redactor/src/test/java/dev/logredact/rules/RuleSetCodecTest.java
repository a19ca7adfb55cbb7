package dev.logredact.rules;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The binary form the agent loads says exactly what the TOML says. */
class RuleSetCodecTest {

    @Test
    void theBuiltDefaultsAreTheTomlDefaults() throws Exception {
        assertNotNull(RuleSetLoader.defaultBinary(), "the build did not write " + RuleSetLoader.DEFAULT_CLASS);
        assertSame(RuleSetLoader.defaultsFromToml(), RuleSetLoader.defaults());
    }

    @Test
    void aRoundTripKeepsEveryField() throws Exception {
        RuleSet toml = RuleSetLoader.defaultsFromToml();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RuleSetCodec.write(toml, new DataOutputStream(bytes));
        RuleSet read = RuleSetCodec.read(bytes.toByteArray());
        assertSame(toml, read);
    }

    /** Every field of every rule and allowlist, patterns by their source. */
    static void assertSame(RuleSet expected, RuleSet actual) {
        assertEquals(expected.rules().size(), actual.rules().size());
        for (int i = 0; i < expected.rules().size(); i++) {
            Rule e = expected.rules().get(i);
            Rule a = actual.rules().get(i);
            assertEquals(e.id(), a.id());
            assertEquals(e.description(), a.description());
            assertEquals(e.regexSource(), a.regexSource(), e.id());
            assertEquals(e.pathSource(), a.pathSource(), e.id());
            assertEquals(e.secretGroup(), a.secretGroup(), e.id());
            assertEquals(e.entropy(), a.entropy(), e.id());
            assertEquals(e.keywords(), a.keywords(), e.id());
            assertEquals(e.tags(), a.tags(), e.id());
            assertEquals(e.source(), a.source(), e.id());
            assertAllowlists(e.allowlists(), a.allowlists());
        }
        assertAllowlists(expected.globalAllowlists(), actual.globalAllowlists());
    }

    private static void assertAllowlists(List<Allowlist> expected, List<Allowlist> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).regexesSource(), actual.get(i).regexesSource());
            assertEquals(expected.get(i).pathsSource(), actual.get(i).pathsSource());
            assertEquals(expected.get(i).stopwords(), actual.get(i).stopwords());
            assertEquals(expected.get(i).condition(), actual.get(i).condition());
            assertEquals(expected.get(i).regexTarget(), actual.get(i).regexTarget());
        }
    }
}
