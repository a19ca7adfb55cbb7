package dev.logredact.rules;

import java.util.ArrayList;
import java.util.List;

/** An allowlist as written in a file, before its regexes are compiled. */
final class AllowlistDraft {
    String description = "";
    String condition = "OR";
    String regexTarget = "secret";
    final List<String> regexes = new ArrayList<>();
    final List<String> paths = new ArrayList<>();
    final List<String> stopwords = new ArrayList<>();
    final List<String> commits = new ArrayList<>();
    final List<String> targetRules = new ArrayList<>();
}
