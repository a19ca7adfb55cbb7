package dev.logredact.rules;

/** Something wrong with a rule file: where, which rule, what. Never carries a secret. */
public final class RuleProblem {
    /** An error drops the rule (or file); a warning keeps it. */
    public enum Severity { ERROR, WARNING }

    private final Severity severity;
    private final String source;
    private final int line;
    private final String ruleId;
    private final String message;

    public RuleProblem(Severity severity, String source, int line, String ruleId, String message) {
        this.severity = severity;
        this.source = source;
        this.line = line;
        this.ruleId = ruleId;
        this.message = message;
    }

    public Severity severity() {
        return severity;
    }

    public String source() {
        return source;
    }

    /** One-based line in the source file, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The rule's id, or null for a problem outside any rule. */
    public String ruleId() {
        return ruleId;
    }

    public String message() {
        return message;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:12: error: rule 'x': message}, the form editors and CI annotate. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ").append(severity == Severity.ERROR ? "error" : "warning").append(": ");
        if (ruleId != null) {
            sb.append("rule '").append(ruleId).append("': ");
        }
        return sb.append(message).toString();
    }
}
