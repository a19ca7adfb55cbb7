package dev.logredact.rules;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;

/**
 * Build step: compiles the embedded default rules from their TOML, fails on any problem, and writes the
 * binary form that {@link RuleSetLoader#defaults()} loads at start-up, as the class
 * {@value RuleSetLoader#DEFAULT_CLASS} (see {@link BytesClassFile}), their {@link StreamKeywords} as
 * {@value RuleSetLoader#DEFAULT_KEYWORDS_CLASS}, and the build's stamp for {@link RuleSetCache} as
 * {@value RuleSetCache#BUILD_STAMP_CLASS}. Run by the redactor module's build
 * after its classes are compiled, with the classes directory as argument.
 */
public final class DefaultRulesBinary {
    private DefaultRulesBinary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DefaultRulesBinary CLASSES_DIRECTORY");
        }
        RuleSet rules = RuleSetLoader.defaultsFromToml();
        if (!rules.problems().isEmpty()) {
            StringBuilder sb = new StringBuilder("the default rules have problems:");
            for (RuleProblem p : rules.problems()) {
                sb.append('\n').append(p);
            }
            throw new IllegalStateException(sb.toString());
        }
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(binary)) {
            RuleSetCodec.write(rules, data);
        }
        write(args[0], RuleSetLoader.class, RuleSetLoader.DEFAULT_CLASS, "defaultChunks", binary.toByteArray());
        // Each build its own: rule sets cached by another build may have been checked differently.
        write(args[0], RuleSetCache.class, RuleSetCache.BUILD_STAMP_CLASS, "buildStampChunks",
                ("build " + UUID.randomUUID()).getBytes(StandardCharsets.ISO_8859_1));
        byte[][] keywords = StreamKeywords.of(rules);
        if (keywords != null) {
            write(args[0], RuleSetLoader.class, RuleSetLoader.DEFAULT_KEYWORDS_CLASS, "defaultKeywordChunks",
                    StreamKeywords.write(keywords));
        } else {
            // A rule without keywords sees every line: no keywords to store, and none left from a build before.
            Files.deleteIfExists(classFile(args[0], RuleSetLoader.DEFAULT_KEYWORDS_CLASS));
        }
    }

    private static Path classFile(String classes, String className) {
        return Paths.get(classes, className.replace('.', '/') + ".class");
    }

    /** Writes {@code className}, whose static initialiser gives {@code data} to {@code holder}'s {@code field}. */
    private static void write(String classes, Class<?> holder, String className, String field, byte[] data) throws IOException {
        Path out = classFile(classes, className);
        Files.createDirectories(out.getParent());
        Files.write(out, BytesClassFile.write(className.replace('.', '/'), holder.getName().replace('.', '/'), field, data));
    }
}
