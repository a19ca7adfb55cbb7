package dev.logredact.rules;

import java.util.ArrayList;
import java.util.List;

/** A rule as written in a file, before its regexes are compiled; what {@code [extend]} merges. */
final class RuleDraft {
    final String id;
    final String source;
    final int line;
    String description;
    String regex;
    String path;
    Integer secretGroup;
    Double entropy;
    final List<String> keywords = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    final List<AllowlistDraft> allowlists = new ArrayList<>();

    RuleDraft(String id, String source, int line) {
        this.id = id;
        this.source = source;
        this.line = line;
    }

    /**
     * gitleaks' merge for a rule id present in both an extended and an extending file: scalar fields
     * come from the extending file when it sets them; lists are appended.
     */
    RuleDraft mergedWith(RuleDraft override) {
        RuleDraft merged = new RuleDraft(id, override.source, override.line);
        merged.description = override.description != null ? override.description : description;
        merged.regex = override.regex != null ? override.regex : regex;
        merged.path = override.path != null ? override.path : path;
        merged.secretGroup = override.secretGroup != null ? override.secretGroup : secretGroup;
        merged.entropy = override.entropy != null ? override.entropy : entropy;
        merged.keywords.addAll(keywords);
        merged.keywords.addAll(override.keywords);
        merged.tags.addAll(tags);
        merged.tags.addAll(override.tags);
        merged.allowlists.addAll(allowlists);
        merged.allowlists.addAll(override.allowlists);
        return merged;
    }
}
