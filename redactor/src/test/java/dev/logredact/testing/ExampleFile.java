package dev.logredact.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rule example files: one {@code <rule-id> TAB <tp|fp> TAB <text>} per line, {@code #} comments,
 * and Java escapes ({@code \n \r \t \\ \\uXXXX}) so multi-line texts fit on one line.
 */
public final class ExampleFile {
    /** One example: a text on which the rule must (tp) or must not (fp) report a finding. */
    public static final class Example {
        public final String file;
        public final int line;
        public final String ruleId;
        public final boolean truePositive;
        public final String text;

        Example(String file, int line, String ruleId, boolean truePositive, String text) {
            this.file = file;
            this.line = line;
            this.ruleId = ruleId;
            this.truePositive = truePositive;
            this.text = text;
        }

        public String kind() {
            return truePositive ? "tp" : "fp";
        }
    }

    private ExampleFile() {
    }

    /** The examples of a class-path resource; a malformed line fails with its file and line. */
    public static List<Example> read(String resource) throws IOException {
        List<Example> out = new ArrayList<>();
        try (InputStream in = ExampleFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String raw = lines[i];
                if (raw.isEmpty() || raw.startsWith("#")) {
                    continue;
                }
                String[] parts = raw.split("\t", 3);
                if (parts.length != 3 || !(parts[1].equals("tp") || parts[1].equals("fp"))) {
                    throw new IllegalStateException(resource + ":" + (i + 1) + ": expected <rule-id> TAB <tp|fp> TAB <text>");
                }
                out.add(new Example(resource, i + 1, parts[0], parts[1].equals("tp"), unescape(parts[2], resource, i + 1)));
            }
        }
        return out;
    }

    static String unescape(String s, String file, int line) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i == s.length()) {
                throw new IllegalStateException(file + ":" + line + ": a lone backslash ends the text");
            }
            char n = s.charAt(i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case '\\' -> b.append('\\');
                case 'u' -> {
                    try {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                        throw new IllegalStateException(file + ":" + line + ": \\u needs four hex digits");
                    }
                    i += 4;
                }
                default -> throw new IllegalStateException(file + ":" + line + ": unknown escape \\" + n);
            }
        }
        return b.toString();
    }
}
