package dev.logredact.config;

import dev.logredact.rules.Levenshtein;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the agent may instrument ({@code logredact.instrument}). */
public enum Hook {
    STDOUT, STDERR, LOGBACK, LOG4J2, JUL,
    /** Log4j 1.2 and reload4j. */
    LOG4J1,
    /** The file slf4j-simple writes to when {@code org.slf4j.simpleLogger.logFile} names one. */
    SLF4J_SIMPLE,
    /** Child JVMs started by this one carry the agent too. */
    FORKS;

    /** The name in {@code logredact.instrument}, such as {@code log4j2} or {@code slf4j-simple}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return id();
    }

    /** Every hook, unmodifiable; not an EnumSet, for the reason given on {@link ConfigKey}. */
    static Set<Hook> all() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(values())));
    }

    /** {@code all}, {@code none}, or a comma list of ids; case does not matter. */
    static Set<Hook> parseList(String text) throws InvalidValueException {
        if (text.equalsIgnoreCase("all")) {
            return all();
        }
        if (text.equalsIgnoreCase("none")) {
            return Collections.emptySet();
        }
        Set<Hook> named = new HashSet<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            if (!item.isEmpty()) {
                named.add(byId(item));
            }
        }
        if (named.isEmpty()) {
            throw new InvalidValueException("names nothing: use none to instrument nothing");
        }
        return inOrder(named);
    }

    /** In declaration order, so that {@code describe()} lists them the same way whatever the input order. */
    private static Set<Hook> inOrder(Set<Hook> hooks) {
        Set<Hook> ordered = new LinkedHashSet<>();
        for (Hook hook : values()) {
            if (hooks.contains(hook)) {
                ordered.add(hook);
            }
        }
        return Collections.unmodifiableSet(ordered);
    }

    private static Hook byId(String item) throws InvalidValueException {
        List<String> known = new ArrayList<>();
        for (Hook hook : values()) {
            if (hook.id().equalsIgnoreCase(item)) {
                return hook;
            }
            known.add(hook.id());
        }
        if (item.equalsIgnoreCase("all") || item.equalsIgnoreCase("none")) {
            throw new InvalidValueException(item + " cannot be combined with other items");
        }
        throw new InvalidValueException("unknown item " + item + " (did you mean "
                + Levenshtein.closest(item.toLowerCase(Locale.ROOT), known) + "?)");
    }
}
