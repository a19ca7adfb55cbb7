package dev.logredact.collector.incident;

import com.electronwill.nightconfig.core.UnmodifiableConfig;
import com.electronwill.nightconfig.core.io.ParsingException;
import com.electronwill.nightconfig.toml.TomlParser;
import dev.logredact.collector.model.RedactionEvent;
import dev.logredact.rules.Levenshtein;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The owners registry ({@code --owners FILE}): TOML, one {@code [[owners]]} table per rule, tried in
 * order; the first whose every given glob matches the incident's first event names its owner and SLA.
 * <pre>
 * [[owners]]
 * secret_name = "DB_*"                        # glob on logredact.secret.name
 * owner = "team-db"
 * sla_hours = 24
 *
 * [[owners]]
 * rule = "github-*"                           # glob on logredact.rule.id
 * repository = "https://github.com/acme/*"    # glob on vcs.repository.url.full
 * owner = "platform"
 * sla_hours = 8
 * </pre>
 * Globs: {@code *} any run of characters, {@code ?} one, case-insensitive. A rule with no glob matches
 * everything (a catch-all, last).
 */
public final class OwnerRules {
    private static final Set<String> KEYS = Set.of("secret_name", "rule", "repository", "owner", "sla_hours");
    private static final int MAX_SLA_HOURS = 24 * 366;

    /** Nobody is named owner: what incidents get when there is no owners file or no rule matches. */
    public static final OwnerRules NONE = new OwnerRules(List.of());

    private final List<Entry> entries;

    private OwnerRules(List<Entry> entries) {
        this.entries = entries;
    }

    /** The owner and SLA assigned on creation. */
    public record Owner(String name, Integer slaHours) {
        static final Owner NOBODY = new Owner(null, null);
    }

    private record Entry(Pattern secretName, Pattern rule, Pattern repository, Owner owner) {
        boolean matches(RedactionEvent e) {
            return matches(secretName, e.secretName()) && matches(rule, e.rule()) && matches(repository, e.repository());
        }

        private static boolean matches(Pattern glob, String value) {
            return glob == null || value != null && glob.matcher(value).matches();
        }
    }

    public Owner ownerOf(RedactionEvent event) {
        for (Entry e : entries) {
            if (e.matches(event)) {
                return e.owner();
            }
        }
        return Owner.NOBODY;
    }

    public int size() {
        return entries.size();
    }

    /** @throws IllegalArgumentException naming the file, the entry and the key at fault */
    public static OwnerRules load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Rules from TOML text; {@code source} names it in messages. */
    public static OwnerRules parse(String text, String source) {
        UnmodifiableConfig root;
        try {
            root = new TomlParser().parse(text);
        } catch (ParsingException e) {
            throw new IllegalArgumentException(source + ": not valid TOML: " + e.getMessage());
        }
        for (String key : root.valueMap().keySet()) {
            if (!key.equals("owners")) {
                throw new IllegalArgumentException(source + ": unknown top-level key '" + key + "' (owner rules are [[owners]] tables)");
            }
        }
        Object owners = root.get("owners");
        if (owners == null) {
            return NONE;
        }
        if (!(owners instanceof List<?> list)) {
            throw new IllegalArgumentException(source + ": 'owners' must be an array of tables: write [[owners]]");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = source + ": owners[" + (i + 1) + "]";
            if (!(list.get(i) instanceof UnmodifiableConfig table)) {
                throw new IllegalArgumentException(where + ": must be a table");
            }
            entries.add(entry(table, where));
        }
        return new OwnerRules(List.copyOf(entries));
    }

    private static Entry entry(UnmodifiableConfig table, String where) {
        for (String key : table.valueMap().keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (did you mean '"
                        + Levenshtein.closest(key, KEYS) + "'?)");
            }
        }
        String owner = string(table, "owner", where);
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException(where + ": 'owner' is required");
        }
        Object sla = table.get("sla_hours");
        Integer slaHours = null;
        if (sla != null) {
            if (!(sla instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() < 1 || n.longValue() > MAX_SLA_HOURS) {
                throw new IllegalArgumentException(where + ": 'sla_hours' must be a whole number from 1 to " + MAX_SLA_HOURS);
            }
            slaHours = n.intValue();
        }
        return new Entry(glob(table, "secret_name", where), glob(table, "rule", where), glob(table, "repository", where),
                new Owner(owner.trim(), slaHours));
    }

    private static String string(UnmodifiableConfig table, String key, String where) {
        Object v = table.get(key);
        if (v != null && !(v instanceof String)) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a string");
        }
        return (String) v;
    }

    private static Pattern glob(UnmodifiableConfig table, String key, String where) {
        String glob = string(table, key, where);
        if (glob == null) {
            return null;
        }
        if (glob.isEmpty()) {
            throw new IllegalArgumentException(where + ": '" + key + "' must not be empty (leave it out to match anything)");
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return entries.size() + " owner rule" + (entries.size() == 1 ? "" : "s");
    }
}
