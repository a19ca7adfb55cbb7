package dev.logredact.stream;

import dev.logredact.rules.Rule;

/** A finding placed in a text by one-based line and column (columns count characters). */
public final class LocatedFinding {
    private final Rule rule;
    private final int line;
    private final int column;
    private final int endLine;
    private final int endColumn;
    private final String fingerprint;

    LocatedFinding(Rule rule, int line, int column, int endLine, int endColumn, String fingerprint) {
        this.rule = rule;
        this.line = line;
        this.column = column;
        this.endLine = endLine;
        this.endColumn = endColumn;
        this.fingerprint = fingerprint;
    }

    public Rule rule() {
        return rule;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public int endLine() {
        return endLine;
    }

    /** One past the secret's last character, as SARIF counts. */
    public int endColumn() {
        return endColumn;
    }

    public String fingerprint() {
        return fingerprint;
    }
}
