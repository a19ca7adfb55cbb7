package dev.logredact.attach;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * What the JVM says about masking when it exits: one line on stderr, and a Markdown section in the
 * GitHub Actions step summary when {@code GITHUB_STEP_SUMMARY} is set. Counts and names only, never a
 * value.
 */
final class ExitSummary {
    private ExitSummary() {
    }

    /**
     * The stderr line, such as {@code logredact: masked 7 secrets (github-pat x3, env:NPM_TOKEN x4) on
     * stdout, stderr}; null when there is nothing to say, so a clean JVM adds no noise to the log.
     */
    static String line(RedactionCounts counts, long refused, long errors) {
        long total = counts.total();
        if (total == 0 && refused == 0 && errors == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder("logredact: masked ").append(total).append(total == 1 ? " secret" : " secrets");
        List<Map.Entry<String, Long>> labels = counts.labels();
        if (!labels.isEmpty()) {
            sb.append(" (");
            for (int i = 0; i < labels.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(labels.get(i).getKey()).append(" x").append(labels.get(i).getValue());
            }
            sb.append(") on ").append(String.join(", ", counts.channelNames()));
        }
        if (refused > 0) {
            sb.append("; ").append(refused).append(" secret values not masked (too short or too common, see warnings above)");
        }
        if (errors > 0) {
            sb.append("; ").append(errors).append(" internal errors, affected output withheld");
        }
        return sb.toString();
    }

    static String markdown(RedactionCounts counts) {
        StringBuilder md = new StringBuilder("### logredact\n\n");
        md.append("Masked ").append(counts.total()).append(" secrets in this step's JVM output. ")
                .append("Each one is a credential that reached a log: rotate it.\n\n");
        md.append("| rule or secret | masked |\n|---|---|\n");
        for (Map.Entry<String, Long> e : counts.labels()) {
            md.append("| `").append(e.getKey()).append("` | ").append(e.getValue()).append(" |\n");
        }
        md.append("\n| channel | masked |\n|---|---|\n");
        for (Map.Entry<String, Long> e : counts.channels()) {
            md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
        }
        return md.append('\n').toString();
    }

    static void print(PrintStream err, RedactionCounts counts, long refused, long errors) {
        String line = line(counts, refused, errors);
        if (line != null) {
            err.println(line);
            err.flush();
        }
        String stepSummary = System.getenv("GITHUB_STEP_SUMMARY");
        if (stepSummary != null && !stepSummary.isEmpty() && counts.total() > 0) {
            try {
                Files.write(Paths.get(stepSummary), markdown(counts).getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException | RuntimeException e) {
                err.println("logredact: could not append to GITHUB_STEP_SUMMARY (" + stepSummary + "): " + e.getMessage());
            }
        }
    }
}
