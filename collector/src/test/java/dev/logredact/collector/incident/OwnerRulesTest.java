package dev.logredact.collector.incident;

import dev.logredact.collector.model.RedactionEvent;
import dev.logredact.collector.testing.SampleOwners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static dev.logredact.collector.testing.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OwnerRulesTest {
    private static RedactionEvent seen(String secretName, String repository) {
        return event("v1:00000000000000000000000000000001", secretName, repository, Instant.EPOCH);
    }

    @Test
    void theFirstMatchingRuleWinsAndEveryGivenGlobMustMatch() {
        OwnerRules rules = SampleOwners.rules();
        assertEquals(new OwnerRules.Owner("team-db", 24), rules.ownerOf(seen("DB_PASSWORD", "https://github.com/acme/cache")));
        assertEquals(new OwnerRules.Owner("team-db", 24), rules.ownerOf(seen("db_password", null)), "globs ignore case");
        assertEquals(new OwnerRules.Owner("platform", 8), rules.ownerOf(seen(null, "https://github.com/acme/shop")));
        assertEquals(new OwnerRules.Owner("team-cache", 48), rules.ownerOf(seen("CACHE_KEY", "https://github.com/acme/shop")));
        assertEquals("security", rules.ownerOf(seen("CACHE_KEY", "https://gitlab.com/acme/shop")).name(), "repository differs");
        assertEquals("security", rules.ownerOf(seen("CACHE_", "https://github.com/acme/shop")).name(), "? needs one character");
        assertEquals("security", rules.ownerOf(seen("API.TOKEN", null)).name(), "regex characters are literal");
        assertEquals(4, rules.size());
    }

    @Test
    void noRulesNameNobody() {
        OwnerRules.Owner nobody = OwnerRules.NONE.ownerOf(seen("DB_PASSWORD", null));
        assertNull(nobody.name());
        assertNull(nobody.slaHours());
        assertEquals(0, OwnerRules.parse("# nothing yet\n", "empty.toml").size());
    }

    @Test
    void mistakesAreNamedWithFileEntryAndKey(@TempDir Path dir) throws Exception {
        assertProblem("owners.toml: owners[1]: unknown key 'secretname' (did you mean 'secret_name'?)",
                "[[owners]]\nsecretname = \"DB_*\"\nowner = \"x\"\n");
        assertProblem("owners.toml: owners[2]: 'owner' is required", "[[owners]]\nowner = \"a\"\n[[owners]]\nrule = \"x\"\n");
        assertProblem("owners.toml: owners[1]: 'sla_hours' must be a whole number from 1 to 8784",
                "[[owners]]\nowner = \"a\"\nsla_hours = 0\n");
        assertProblem("owners.toml: owners[1]: 'sla_hours' must be a whole number from 1 to 8784",
                "[[owners]]\nowner = \"a\"\nsla_hours = 1.5\n");
        assertProblem("owners.toml: owners[1]: 'rule' must be a string", "[[owners]]\nowner = \"a\"\nrule = 3\n");
        assertProblem("owners.toml: unknown top-level key 'owner' (owner rules are [[owners]] tables)", "owner = \"a\"\n");
        assertProblem("owners.toml: 'owners' must be an array of tables: write [[owners]]", "owners = \"a\"\n");
        IllegalArgumentException toml = assertThrows(IllegalArgumentException.class,
                () -> OwnerRules.parse("[[owners]\n", "owners.toml"));
        assertEquals(true, toml.getMessage().startsWith("owners.toml: not valid TOML: "), toml.getMessage());
        Path missing = dir.resolve("nope.toml");
        assertEquals(true, assertThrows(IllegalArgumentException.class, () -> OwnerRules.load(missing)).getMessage()
                .startsWith(missing + ": cannot be read"));
        Path file = dir.resolve("owners.toml");
        Files.writeString(file, SampleOwners.TOML);
        assertEquals(4, OwnerRules.load(file).size());
    }

    private static void assertProblem(String expected, String toml) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> OwnerRules.parse(toml, "owners.toml")).getMessage());
    }
}
