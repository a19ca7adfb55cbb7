package dev.logredact.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * Checked rule sets kept on disk, so that loading the same rule files again skips reading their TOML and
 * compiling every pattern: for gitleaks' 222 rules that is most of a short command's start-up. Patterns
 * read back compile on first use, as the embedded defaults' do.
 *
 * <p>Only sets without errors are kept. An entry is named by a {@link #checksum} of this engine's build
 * and the rule spec, and holds the checksum of every file the load read ({@code [extend]} included): it
 * is used only while each of those files still has that content. The directory must belong to this
 * user and be closed to others; an entry that is truncated, damaged or from another build is ignored and replaced.
 * Nothing here is ever an error: without a usable cache, rules load as they would without one.
 */
public final class RuleSetCache {
    private static final int MAGIC = 0x4c524332; // "LRC2"
    /** See {@link #checksum}. */
    private static final int CHECKSUM_BYTES = 12;
    /** Entries beyond this many are removed, oldest first, when one is written. */
    private static final int MAX_ENTRIES = 32;
    private static final String SUFFIX = ".rules";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    /** A class {@link DefaultRulesBinary} writes: a stamp unique to each build of this engine. */
    static final String BUILD_STAMP_CLASS = "dev.logredact.rules.BuildStampData";
    /** Where {@value #BUILD_STAMP_CLASS}'s static initialiser leaves the stamp (see {@link BytesClassFile}). */
    static volatile String[] buildStampChunks;

    private final Path dir;
    private final String build;

    RuleSetCache(Path dir, String build) {
        this.dir = dir;
        this.build = build;
    }

    /**
     * The cache in {@code $XDG_CACHE_HOME/logredact/rules}, else {@code ~/.cache/logredact/rules},
     * created private to this user; null when neither can be used safely.
     */
    public static RuleSetCache inUserCache() {
        try {
            String xdg = System.getenv("XDG_CACHE_HOME");
            String home = System.getProperty("user.home");
            Path base = xdg != null && !xdg.isEmpty() && Paths.get(xdg).isAbsolute() ? Paths.get(xdg)
                    : home != null && !home.isEmpty() ? Paths.get(home, ".cache") : null;
            return base == null ? null : in(base.resolve("logredact").resolve("rules"));
        } catch (RuntimeException e) {
            // A path this platform cannot hold (InvalidPathException): no cache, as documented.
            return null;
        }
    }

    /**
     * The cache in {@code dir}, created private to this user if missing; null when it is not safe to use:
     * unless it is private, and the two directories above it let no one else rename it away (see
     * {@link #isGuarded}), another user could put entries of their own in its place.
     */
    public static RuleSetCache in(Path dir) {
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir.getParent());
                createPrivateDirectory(dir);
            }
            UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            Path parent = dir.getParent();
            boolean safe = isPrivate(dir, me) && isGuarded(parent, me)
                    && isGuarded(parent == null ? null : parent.getParent(), me);
            return safe ? new RuleSetCache(dir, engineBuild()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The checked set that {@code spec} loaded last time, if every file it read is unchanged; else null. */
    RuleSet get(String spec) {
        try {
            Path entry = entry(spec);
            if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(entry);
            if (bytes.length < 8 || crc(bytes, bytes.length - 8) != tail(bytes)) {
                return null;
            }
            ByteArrayInputStream header = new ByteArrayInputStream(bytes, 0, bytes.length - 8);
            DataInputStream in = new DataInputStream(header);
            if (in.readInt() != MAGIC || !in.readUTF().equals(build) || !in.readUTF().equals(spec)) {
                return null;
            }
            for (int i = in.readInt(); i > 0; i--) {
                Path file = Paths.get(in.readUTF());
                byte[] digest = new byte[CHECKSUM_BYTES];
                in.readFully(digest);
                if (!Arrays.equals(digest, checksum(Files.readAllBytes(file)))) {
                    return null;
                }
            }
            List<RuleProblem> problems = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                RuleProblem.Severity severity = RuleProblem.Severity.valueOf(in.readUTF());
                String source = in.readUTF();
                int line = in.readInt();
                String ruleId = in.readBoolean() ? in.readUTF() : null;
                problems.add(new RuleProblem(severity, source, line, ruleId, in.readUTF()));
            }
            // What is left before the checksum is the rule set in the embedded set's binary form.
            int payload = bytes.length - 8 - header.available();
            RuleSet rules = RuleSetCodec.read(Arrays.copyOfRange(bytes, payload, bytes.length - 8));
            return new RuleSet(rules.rules(), rules.globalAllowlists(), problems);
        } catch (IOException | RuntimeException e) {
            // Unreadable, damaged or from a file that is gone: load from the files instead.
            return null;
        }
    }

    /** Keeps a set that loaded without errors, with the content of every file read for it. */
    void put(String spec, RuleSet rules, Reads reads) {
        if (rules.hasErrors() || reads.mixed) {
            return;
        }
        Path temp = null;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeUTF(build);
            out.writeUTF(spec);
            out.writeInt(reads.digests.size());
            for (Map.Entry<String, byte[]> read : reads.digests.entrySet()) {
                out.writeUTF(read.getKey());
                out.write(read.getValue());
            }
            out.writeInt(rules.problems().size());
            for (RuleProblem p : rules.problems()) {
                out.writeUTF(p.severity().name());
                out.writeUTF(p.source());
                out.writeInt(p.line());
                out.writeBoolean(p.ruleId() != null);
                if (p.ruleId() != null) {
                    out.writeUTF(p.ruleId());
                }
                out.writeUTF(p.message());
            }
            RuleSetCodec.write(rules, out);
            out.flush();
            long crc = crc(bytes.toByteArray(), bytes.size());
            out.writeLong(crc);
            out.flush();
            // Written aside and moved into place, so a reader never sees half an entry.
            temp = Files.createTempFile(dir, "entry", ".tmp");
            Files.write(temp, bytes.toByteArray());
            Path entry = entry(spec);
            try {
                Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            removeOldest();
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written only costs the next load its time.
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Left behind in the private directory; the next write's clean-up does not count it.
                }
            }
        }
    }

    /** The files a load read, each with the {@link #checksum} of the bytes it used. */
    static final class Reads {
        private final Map<String, byte[]> digests = new LinkedHashMap<>();
        /** A file read twice gave two contents (saved in between): the set mixes both, and is not kept. */
        private boolean mixed;

        /**
         * The path as the load opened it, made absolute but not normalised: checked later, it names the
         * file a new load would read, through the same links ({@code ..} after a link is the link's target's parent).
         */
        void read(Path file, byte[] bytes) {
            byte[] sum = checksum(bytes);
            byte[] before = digests.put(file.toAbsolutePath().toString(), sum);
            mixed |= before != null && !Arrays.equals(before, sum);
        }
    }

    private Path entry(String spec) {
        byte[] key = checksum((build + '\n' + spec).getBytes(StandardCharsets.UTF_8));
        StringBuilder name = new StringBuilder(64 + SUFFIX.length());
        for (byte b : key) {
            name.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return dir.resolve(name.append(SUFFIX).toString());
    }

    private void removeOldest() throws IOException {
        // Left by a JVM killed while writing: an hour is far longer than any write takes.
        File[] stale = dir.toFile().listFiles((d, name) -> name.startsWith("entry") && name.endsWith(".tmp"));
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        for (File f : stale == null ? new File[0] : stale) {
            if (f.lastModified() < hourAgo) {
                Files.deleteIfExists(f.toPath());
            }
        }
        File[] entries = dir.toFile().listFiles((d, name) -> name.endsWith(SUFFIX));
        if (entries == null || entries.length <= MAX_ENTRIES) {
            return;
        }
        List<File> byAge = new ArrayList<>(Arrays.asList(entries));
        Collections.sort(byAge, (a, b) -> Long.compare(a.lastModified(), b.lastModified()));
        for (File old : byAge.subList(0, byAge.size() - MAX_ENTRIES)) {
            Files.deleteIfExists(old.toPath());
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.getFileStore(dir.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createDirectory(dir);
        }
    }

    /** Owned by this user and closed to everyone else, where the file system can say so. */
    private static boolean isPrivate(Path dir, UserPrincipal me) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            // No POSIX permissions (Windows): a directory under the user's profile is private by default.
            return true;
        }
        PosixFileAttributes attributes = view.readAttributes();
        EnumSet<PosixFilePermission> others = EnumSet.complementOf(EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        others.retainAll(attributes.permissions());
        return attributes.isDirectory() && attributes.owner().equals(me) && others.isEmpty();
    }

    /**
     * A directory above the cache: the user's or root's, and writable by no one else unless its sticky
     * bit keeps others from renaming what is not theirs (as in {@code /tmp}). Followed if it is a link,
     * as {@code ~/.cache} may be: the link is replaced only through its own parent. Null is the root.
     */
    private static boolean isGuarded(Path dir, UserPrincipal me) throws IOException {
        if (dir == null) {
            return true;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        if (view == null) {
            return true;
        }
        PosixFileAttributes attributes = view.readAttributes();
        if (!attributes.owner().equals(me) && !attributes.owner().getName().equals("root")) {
            return false;
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        boolean othersWrite = permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        return !othersWrite || isSticky(dir);
    }

    /** The sticky bit, where the file system tells it ({@code unix:mode}): others may not rename what is not theirs. */
    private static boolean isSticky(Path dir) {
        try {
            Object mode = Files.getAttribute(dir, "unix:mode");
            return mode instanceof Integer && (((Integer) mode) & 01000) != 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * What the checks and compilation of this engine depend on: a new build of the jar (or of the
     * classes) means new entries, since it may compile or check rules differently.
     */
    private static String engineBuild() {
        byte[] built = BytesClassFile.initialise(BUILD_STAMP_CLASS) ? BytesClassFile.joined(buildStampChunks) : null;
        if (built != null) {
            return new String(built, StandardCharsets.ISO_8859_1);
        }
        // Without the build step (in an IDE): the code's own file. Costly for a class on the boot class
        // path, where it means opening the jar again, in Java.
        File code = CodeLocation.of(RuleSetCache.class);
        File stamp = code.isDirectory()
                ? new File(code, RuleSetCache.class.getName().replace('.', File.separatorChar) + ".class") : code;
        return code + "|" + stamp.length() + "|" + stamp.lastModified();
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    private static long tail(byte[] bytes) throws IOException {
        return new DataInputStream(new ByteArrayInputStream(bytes, bytes.length - 8, 8)).readLong();
    }

    /**
     * Length, CRC-32 and Adler-32: what tells a changed file (or spec) from the one kept, 96 bits, by the
     * JDK's native code. Not SHA-256, whose first use loads the security providers, 13-20 ms of every
     * JVM that uses this cache; and the strength would buy nothing: whoever can write this private
     * directory can write any entry, with any checksum, and whoever can edit a rule file can edit its rules.
     */
    private static byte[] checksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length);
        Adler32 adler = new Adler32();
        adler.update(bytes, 0, bytes.length);
        long length = bytes.length;
        long sums = crc.getValue() << 32 | adler.getValue();
        byte[] out = new byte[CHECKSUM_BYTES];
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) (length >>> (24 - 8 * i));
        }
        for (int i = 0; i < 8; i++) {
            out[4 + i] = (byte) (sums >>> (56 - 8 * i));
        }
        return out;
    }
}
