package dev.logredact.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.logredact.rules.Rule;
import dev.logredact.rules.RuleSet;
import dev.logredact.stream.LocatedFinding;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes scan results as text, JSON or SARIF 2.1.0. None of them ever contains a secret. */
final class FindingReports {
    /** The writer belongs to the caller (it may be standard output), so the generator must not close it. */
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private FindingReports() {
    }

    static void text(List<ScanCommand.ScannedFile> files, Writer out) throws IOException {
        for (ScanCommand.ScannedFile file : files) {
            for (LocatedFinding f : file.findings) {
                out.write(file.path + ":" + f.line() + ":" + f.column() + ": " + f.rule().id() + " "
                        + f.fingerprint() + " (" + f.rule().description() + ")\n");
            }
        }
    }

    static void json(List<ScanCommand.ScannedFile> files, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (ScanCommand.ScannedFile file : files) {
                for (LocatedFinding f : file.findings) {
                    g.writeStartObject();
                    g.writeStringField("file", file.path);
                    g.writeNumberField("line", f.line());
                    g.writeNumberField("column", f.column());
                    g.writeNumberField("endLine", f.endLine());
                    g.writeNumberField("endColumn", f.endColumn());
                    g.writeStringField("rule", f.rule().id());
                    g.writeStringField("description", f.rule().description());
                    g.writeStringField("fingerprint", f.fingerprint());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeRaw('\n');
        }
    }

    /**
     * SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rules that fired in
     * {@code tool.driver.rules}, repository-relative URIs, one-based columns, and the fingerprint as a
     * partial fingerprint so the same secret keeps one alert across runs.
     */
    static void sarif(List<ScanCommand.ScannedFile> files, RuleSet ruleSet, Writer out) throws IOException {
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (ScanCommand.ScannedFile file : files) {
            for (LocatedFinding f : file.findings) {
                ruleIndex.putIfAbsent(f.rule().id(), ruleIndex.size());
            }
        }
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "logredact");
            g.writeStringField("semanticVersion", Version.current().replace("-SNAPSHOT", ""));
            g.writeArrayFieldStart("rules");
            for (String id : ruleIndex.keySet()) {
                Rule rule = ruleSet.rule(id);
                g.writeStartObject();
                g.writeStringField("id", id);
                g.writeStringField("name", id);
                g.writeObjectFieldStart("shortDescription");
                g.writeStringField("text", rule.description().isEmpty() ? id : rule.description());
                g.writeEndObject();
                g.writeObjectFieldStart("defaultConfiguration");
                g.writeStringField("level", "error");
                g.writeEndObject();
                g.writeObjectFieldStart("properties");
                g.writeArrayFieldStart("tags");
                g.writeString("security");
                g.writeString("secret");
                for (String tag : rule.tags()) {
                    g.writeString(tag);
                }
                g.writeEndArray();
                // GitHub ranks alerts by this; a leaked credential is high severity.
                g.writeStringField("security-severity", "8.0");
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (ScanCommand.ScannedFile file : files) {
                for (LocatedFinding f : file.findings) {
                    g.writeStartObject();
                    g.writeStringField("ruleId", f.rule().id());
                    g.writeNumberField("ruleIndex", ruleIndex.get(f.rule().id()));
                    g.writeStringField("level", "error");
                    g.writeObjectFieldStart("message");
                    g.writeStringField("text", (f.rule().description().isEmpty() ? f.rule().id() : f.rule().description())
                            + " found; rotate it (fingerprint " + f.fingerprint() + ")");
                    g.writeEndObject();
                    g.writeArrayFieldStart("locations");
                    g.writeStartObject();
                    g.writeObjectFieldStart("physicalLocation");
                    g.writeObjectFieldStart("artifactLocation");
                    g.writeStringField("uri", file.path);
                    g.writeEndObject();
                    g.writeObjectFieldStart("region");
                    g.writeNumberField("startLine", f.line());
                    g.writeNumberField("startColumn", f.column());
                    g.writeNumberField("endLine", f.endLine());
                    g.writeNumberField("endColumn", f.endColumn());
                    g.writeEndObject();
                    g.writeEndObject();
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeObjectFieldStart("partialFingerprints");
                    g.writeStringField("logredact/v1", f.fingerprint());
                    g.writeEndObject();
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }
}
