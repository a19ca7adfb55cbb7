package dev.logredact.collector.testing;

import dev.logredact.collector.incident.OwnerRules;

/** An owners registry as a team would write one. */
public final class SampleOwners {
    private SampleOwners() {
    }

    public static final String TOML = """
            # Databases first: their passwords are the riskiest.
            [[owners]]
            secret_name = "DB_*"
            owner = "team-db"
            sla_hours = 24

            [[owners]]
            rule = "github-*"
            owner = "platform"
            sla_hours = 8

            [[owners]]
            repository = "https://github.com/acme/*"
            secret_name = "CACHE_?*"
            owner = "team-cache"
            sla_hours = 48

            [[owners]]
            owner = "security"
            sla_hours = 72
            """;

    /** The rules above: team-db, platform, team-cache, then security for everything else. */
    public static OwnerRules rules() {
        return OwnerRules.parse(TOML, "owners.toml");
    }
}
