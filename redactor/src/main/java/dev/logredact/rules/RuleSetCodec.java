package dev.logredact.rules;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
    private static final int MAGIC = 0x4c525234; // "LRR4"

    private RuleSetCodec() {
    }

    static void write(RuleSet rules, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(rules.rules().size());
        for (Rule r : rules.rules()) {
            // What the scanner needs of every rule first; the rest after its length, read on first use.
            writeLong(out, r.id());
            writeStrings(out, r.keywords());
            out.writeBoolean(r.hasRegex());
            out.writeBoolean(r.hasPath());
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream bodyOut = new DataOutputStream(body);
            writeLong(bodyOut, r.description());
            writeNullable(bodyOut, r.regexSource());
            writeNullable(bodyOut, r.pathSource());
            bodyOut.writeInt(r.secretGroup());
            bodyOut.writeDouble(r.entropy());
            writeStrings(bodyOut, r.tags());
            writeLong(bodyOut, r.source());
            writeAllowlists(bodyOut, r.allowlists());
            out.writeInt(body.size());
            body.writeTo(out);
        }
        writeAllowlists(out, rules.globalAllowlists());
    }

    /** Reads what {@link #write} wrote, from memory: no stream, no per-byte call, no copy per string. */
    static RuleSet read(byte[] bytes) throws IOException {
        try {
            return read(new Input(bytes));
        } catch (IndexOutOfBoundsException e) {
            throw new IOException("truncated logredact rule set", e);
        }
    }

    private static RuleSet read(Input in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a logredact rule set");
        }
        int count = in.readInt();
        List<Rule> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = readLong(in);
            List<String> keywords = readStrings(in);
            boolean hasRegex = in.readBoolean();
            boolean hasPath = in.readBoolean();
            int length = in.readInt();
            if (length < 0 || length > in.bytes.length - in.at) {
                throw new IOException("truncated logredact rule set");
            }
            rules.add(new Rule(id, keywords, hasRegex, hasPath, new StoredBody(in.bytes, in.at)));
            in.at += length;
        }
        return new RuleSet(rules, readAllowlists(in), Collections.<RuleProblem>emptyList());
    }

    /**
     * A rule's body where {@link #write} put it, read when the rule is first asked for more than its id
     * and keywords: a rule set is read whole while the JVM starts, and most rules never see a hit.
     */
    private static final class StoredBody implements Rule.BodyReader {
        private final byte[] bytes;
        private final int at;

        StoredBody(byte[] bytes, int at) {
            this.bytes = bytes;
            this.at = at;
        }

        @Override
        public Rule.Body read() {
            Input in = new Input(bytes);
            in.at = at;
            try {
                String description = readLong(in);
                LazyPattern regex = LazyPattern.lazy(readNullable(in));
                LazyPattern path = LazyPattern.lazy(readNullable(in));
                int group = in.readInt();
                double entropy = in.readDouble();
                List<String> tags = readStrings(in);
                String source = readLong(in);
                return new Rule.Body(description, regex, path, group, entropy, tags, readAllowlists(in), source);
            } catch (IOException | IndexOutOfBoundsException e) {
                // Its length was checked when the set was read: only a damaged body gets here.
                throw new IllegalStateException("damaged logredact rule set", e);
            }
        }
    }

    private static void writeAllowlists(DataOutputStream out, List<Allowlist> allowlists) throws IOException {
        out.writeInt(allowlists.size());
        for (Allowlist a : allowlists) {
            writeLong(out, a.description());
            writeLong(out, a.condition().name());
            writeLong(out, a.regexTarget().name());
            writeNullable(out, a.regexesSource());
            writeNullable(out, a.pathsSource());
            writeStrings(out, a.stopwords());
            writeStrings(out, a.commits());
        }
    }

    private static List<Allowlist> readAllowlists(Input in) throws IOException {
        int count = in.readInt();
        if (count == 0) {
            return Collections.emptyList();
        }
        List<Allowlist> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String description = readLong(in);
            Allowlist.Condition condition = named(Allowlist.Condition.values(), readLong(in));
            Allowlist.Target target = named(Allowlist.Target.values(), readLong(in));
            LazyPattern regexes = LazyPattern.lazy(readNullable(in));
            LazyPattern paths = LazyPattern.lazy(readNullable(in));
            out.add(new Allowlist(description, condition, target, regexes, paths, readStrings(in), readStrings(in)));
        }
        return out;
    }

    /** {@code valueOf} without it: its first call sets up reflection, a millisecond of start-up on Java 25. */
    private static <E extends Enum<E>> E named(E[] values, String name) throws IOException {
        for (E value : values) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        throw new IOException("unknown allowlist setting " + name);
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeLong(out, s);
        }
    }

    private static String readNullable(Input in) throws IOException {
        return in.readBoolean() ? readLong(in) : null;
    }

    /**
     * Patterns and stopword lists can exceed writeUTF's 64 KiB limit, so lengths are ints. A string of
     * ISO-8859-1 characters (nearly all) is stored in that charset: reading it back is a plain copy,
     * where UTF-8 is decoded byte by byte, interpreted, while the JVM starts (about a millisecond).
     */
    private static void writeLong(DataOutputStream out, String s) throws IOException {
        boolean latin1 = StandardCharsets.ISO_8859_1.newEncoder().canEncode(s);
        byte[] bytes = s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        out.writeBoolean(latin1);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLong(Input in) {
        Charset charset = in.readBoolean() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        int length = in.readInt();
        String s = new String(in.bytes, in.at, length, charset);
        in.at += length;
        return s;
    }

    /** The bytes {@link #write} wrote and a position in them, read as {@link DataOutputStream} wrote them. */
    private static final class Input {
        final byte[] bytes;
        int at;

        Input(byte[] bytes) {
            this.bytes = bytes;
        }

        int readInt() {
            int value = (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                    | bytes[at + 3] & 0xff;
            at += 4;
            return value;
        }

        boolean readBoolean() {
            return bytes[at++] != 0;
        }

        double readDouble() {
            long high = readInt() & 0xffffffffL;
            long low = readInt() & 0xffffffffL;
            return Double.longBitsToDouble(high << 32 | low);
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeLong(out, s);
        }
    }

    private static List<String> readStrings(Input in) throws IOException {
        int count = in.readInt();
        if (count == 0) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(readLong(in));
        }
        return out;
    }
}
