package dev.logredact.rules;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A compact binary form of a checked rule set, so that the embedded default rules load in a few
 * milliseconds: parsing their TOML and compiling every pattern costs a JVM's start-up about 150 ms,
 * and every JVM of a build pays that. The build writes it from the TOML after compiling every
 * pattern ({@link DefaultRulesBinary}); patterns read back compile on first use.
 */
final class RuleSetCodec {
    private static final int MAGIC = 0x4c525231; // "LRR1"

    private RuleSetCodec() {
    }

    static void write(RuleSet rules, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(rules.rules().size());
        for (Rule r : rules.rules()) {
            out.writeUTF(r.id());
            out.writeUTF(r.description());
            writeNullable(out, r.regexSource());
            writeNullable(out, r.pathSource());
            out.writeInt(r.secretGroup());
            out.writeDouble(r.entropy());
            writeStrings(out, r.keywords());
            writeStrings(out, r.tags());
            out.writeUTF(r.source());
            writeAllowlists(out, r.allowlists());
        }
        writeAllowlists(out, rules.globalAllowlists());
    }

    static RuleSet read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a logredact rule set");
        }
        int count = in.readInt();
        List<Rule> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = in.readUTF();
            String description = in.readUTF();
            LazyPattern regex = LazyPattern.lazy(readNullable(in));
            LazyPattern path = LazyPattern.lazy(readNullable(in));
            int group = in.readInt();
            double entropy = in.readDouble();
            List<String> keywords = readStrings(in);
            List<String> tags = readStrings(in);
            String source = in.readUTF();
            rules.add(new Rule(id, description, regex, path, group, entropy, keywords, tags, readAllowlists(in), source));
        }
        return new RuleSet(rules, readAllowlists(in), Collections.<RuleProblem>emptyList());
    }

    private static void writeAllowlists(DataOutputStream out, List<Allowlist> allowlists) throws IOException {
        out.writeInt(allowlists.size());
        for (Allowlist a : allowlists) {
            out.writeUTF(a.description());
            out.writeUTF(a.condition().name());
            out.writeUTF(a.regexTarget().name());
            writeNullable(out, a.regexesSource());
            writeNullable(out, a.pathsSource());
            writeStrings(out, a.stopwords());
            writeStrings(out, a.commits());
        }
    }

    private static List<Allowlist> readAllowlists(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<Allowlist> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String description = in.readUTF();
            Allowlist.Condition condition = Allowlist.Condition.valueOf(in.readUTF());
            Allowlist.Target target = Allowlist.Target.valueOf(in.readUTF());
            LazyPattern regexes = LazyPattern.lazy(readNullable(in));
            LazyPattern paths = LazyPattern.lazy(readNullable(in));
            out.add(new Allowlist(description, condition, target, regexes, paths, readStrings(in), readStrings(in)));
        }
        return out;
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeLong(out, s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? readLong(in) : null;
    }

    /** Patterns and stopword lists can exceed writeUTF's 64 KiB limit, so lengths are ints. */
    private static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLong(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeLong(out, s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(readLong(in));
        }
        return out;
    }
}
