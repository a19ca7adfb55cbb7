package dev.logredact.collector.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** A WHERE clause built from filters that are set; column names come from code, values only as parameters. */
final class Where {
    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    Where eq(String column, Object value) {
        if (value != null) {
            clauses.add(column + " = ?");
            params.add(value);
        }
        return this;
    }

    Where in(String column, Collection<String> values) {
        if (values != null && !values.isEmpty()) {
            clauses.add(column + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")");
            params.addAll(values);
        }
        return this;
    }

    Where atLeast(String column, Long value) {
        if (value != null) {
            clauses.add(column + " >= ?");
            params.add(value);
        }
        return this;
    }

    Where below(String column, Long value) {
        if (value != null) {
            clauses.add(column + " < ?");
            params.add(value);
        }
        return this;
    }

    /** Any clause in SQL with its own parameters; for sub-queries. */
    Where clause(String sql, Object... values) {
        clauses.add(sql);
        params.addAll(List.of(values));
        return this;
    }

    /** Case-insensitive substring search over {@code columns}; LIKE wildcards in the text match themselves. */
    Where contains(String text, String... columns) {
        if (text != null && !text.isEmpty()) {
            String pattern = "%" + text.toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            List<String> ors = new ArrayList<>();
            for (String column : columns) {
                ors.add("LOWER(COALESCE(" + column + ", '')) LIKE ? ESCAPE '\\'");
                params.add(pattern);
            }
            clauses.add("(" + String.join(" OR ", ors) + ")");
        }
        return this;
    }

    String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    Object[] params(Object... more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
