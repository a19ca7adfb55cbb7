package dev.logredact.rules;

import dev.logredact.testing.CompatRules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An allowlist's DFA probe may only rule texts out: {@code foundIn} must say what re2j's search says. */
class LazyPatternTest {
    /** What allowlists look for, and what findings hold: identifiers, placeholders, keys, separators. */
    private static final String[] PIECES = {
        "access", "accessor", "api_version", "api-name", "rapid", "capital", "author", "keystore_file", "key_alias",
        "keyword", "monkey", "secret_name", "UserSecretsId", "csrf_token", "public_token", "token_file", "${", "}",
        "$(", ")", "example", "EXAMPLE", "xxxxxxxx", "********", "true", "null", "none", "changeme", "password",
        "test", "dummy", "foo", "bar", "0000000000", "abcdefghij", "AKIAIOSFODNN7EXAMPLE", "=", ": ", "\"", "'", " ",
        "\n", "_", "-", ".", "/", "é", "\uD83D\uDE00", "ghp_", "sk-", "xoxb-", "1234567890abcdef", "ABCDEF",
    };

    @Test
    void foundInSaysWhatRe2jSaysForEveryAllowlistPattern() {
        Set<String> sources = new LinkedHashSet<>();
        for (RuleSet set : new RuleSet[] {CompatRules.ruleSet(), RuleSetLoader.defaults()}) {
            List<Allowlist> all = new ArrayList<>(set.globalAllowlists());
            for (Rule rule : set.rules()) {
                all.addAll(rule.allowlists());
            }
            for (Allowlist a : all) {
                if (a.regexesSource() != null) {
                    sources.add(a.regexesSource());
                }
            }
        }
        Random random = new Random(3);
        int found = 0;
        int compared = 0;
        for (String source : sources) {
            LazyPattern pattern = LazyPattern.lazy(source);
            for (int i = 0; i < 300; i++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(10); n > 0; n--) {
                    text.append(PIECES[random.nextInt(PIECES.length)]);
                }
                boolean expected = pattern.get().matcher(text).find();
                assertEquals(expected, pattern.foundIn(text), source + " in: " + text);
                found += expected ? 1 : 0;
                compared++;
            }
        }
        assertTrue(sources.size() > 20, sources.size() + " allowlist patterns");
        assertTrue(found > 300, found + " of " + compared + " texts matched");
    }
}
