package dev.logredact.rules;

import dev.logredact.testing.CompatRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A kept rule set is the set its files say, or it is not used. */
class RuleSetCacheTest {
    private static final String RULES = "[[rules]]\nid = \"demo-token\"\nregex = '''demo_[a-z0-9]{12}'''\n"
            + "keywords = [\"demo_\"]\n\n[[rules]]\nid = \"no-keywords\"\nregex = '''zq_[0-9]{8}'''\n";

    @TempDir
    Path dir;

    @Test
    void aSecondLoadReadsTheKeptSetWithItsWarnings() throws Exception {
        Path toml = write("rules.toml", RULES);
        RuleSetCache cache = RuleSetCache.in(dir.resolve("cache"));
        RuleSet first = RuleSetLoader.load(toml.toString(), cache);
        assertEquals(1, entries(cache).length);
        assertTrue(first.problems().get(0).toString().contains("no keywords"), first.problems().toString());

        RuleSet second = RuleSetLoader.load(toml.toString(), cache);
        assertSameRules(first, second);
        assertNotNull(cache.get(spec(toml)), "served from the cache");
    }

    /**
     * Each build stamps itself, so a set kept by another build (which may check rules otherwise) is not
     * used; read from a generated class, not the jar, which on the boot class path costs milliseconds.
     */
    @Test
    void theBuildStampedThisEngine() {
        assertTrue(BytesClassFile.initialise(RuleSetCache.BUILD_STAMP_CLASS), "the build did not write the stamp");
        String stamp = new String(BytesClassFile.joined(RuleSetCache.buildStampChunks), StandardCharsets.ISO_8859_1);
        assertTrue(stamp.matches("build [0-9a-f-]{36}"), stamp);
    }

    @Test
    void gitleaksDefaultsComeBackWhole() throws Exception {
        RuleSetCache cache = RuleSetCache.in(dir.resolve("cache"));
        String spec = CompatRules.path().toString();
        RuleSet loaded = RuleSetLoader.load(spec, cache);
        assertSameRules(loaded, RuleSetLoader.load(spec, cache));
        assertEquals(RuleSetLoader.load(spec).rules().size(), cache.get(spec(CompatRules.path())).rules().size());
    }

    @Test
    void anEditedFileOrExtendedFileIsReadAgain() throws Exception {
        Path base = write("base.toml", RULES);
        Path top = write("top.toml", "[extend]\npath = \"base.toml\"\n\n[[rules]]\nid = \"top\"\nregex = '''top_[a-z]{9}'''\nkeywords = [\"top_\"]\n");
        RuleSetCache cache = RuleSetCache.in(dir.resolve("cache"));
        assertEquals(3, RuleSetLoader.load(top.toString(), cache).rules().size());

        write("base.toml", RULES.substring(0, RULES.indexOf("\n\n")) + "\n");
        assertNull(cache.get(spec(top)), "an extended file changed");
        assertEquals(2, RuleSetLoader.load(top.toString(), cache).rules().size());

        write("top.toml", "[extend]\npath = \"base.toml\"\n");
        assertEquals(1, RuleSetLoader.load(top.toString(), cache).rules().size());

        // The same length, one character changed: the checksum, not the size, tells.
        write("base.toml", RULES.substring(0, RULES.indexOf("\n\n")).replace("{12}", "{13}") + "\n");
        assertNull(cache.get(spec(top)), "a file changed in place, at the same length");
        assertEquals("demo_[a-z0-9]{13}", RuleSetLoader.load(top.toString(), cache).rules().get(0).regexSource());
    }

    @Test
    void aDamagedEntryIsIgnoredAndReplaced() throws Exception {
        Path toml = write("rules.toml", RULES);
        RuleSetCache cache = RuleSetCache.in(dir.resolve("cache"));
        RuleSet fresh = RuleSetLoader.load(toml.toString(), cache);
        Path entry = entries(cache)[0].toPath();
        byte[] bytes = Files.readAllBytes(entry);
        for (int at : new int[] {0, 40, bytes.length / 2, bytes.length - 1}) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= 0x20;
            Files.write(entry, damaged);
            assertNull(cache.get(spec(toml)), "byte " + at + " flipped");
            assertSameRules(fresh, RuleSetLoader.load(toml.toString(), cache));
            assertNotNull(cache.get(spec(toml)), "rewritten");
        }
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        assertNull(cache.get(spec(toml)), "truncated");
        Files.write(entry, new byte[0]);
        assertNull(cache.get(spec(toml)), "empty");
    }

    @Test
    void aSetWithErrorsIsNotKept() throws Exception {
        Path toml = write("rules.toml", RULES + "\n[[rules]]\nid = \"bad\"\nregex = '''bad(+'''\nkeywords = [\"bad\"]\n");
        RuleSetCache cache = RuleSetCache.in(dir.resolve("cache"));
        assertTrue(RuleSetLoader.load(toml.toString(), cache).hasErrors());
        assertEquals(0, entries(cache).length);
    }

    @Test
    void aDirectoryOthersCanWriteIsNotUsed() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertNull(RuleSetCache.in(open));
        Path created = dir.resolve("new").resolve("rules");
        assertNotNull(RuleSetCache.in(created));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created)));
    }

    /** A parent others can write lets them rename the private directory away and put their own in its place. */
    @Test
    void aCacheUnderADirectoryOthersCanWriteIsNotUsed() throws Exception {
        Path open = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertNull(RuleSetCache.in(open.resolve("logredact").resolve("rules")), "the grandparent is open");
        Path closed = Files.createDirectory(dir.resolve("closed"));
        Path logredact = Files.createDirectory(closed.resolve("logredact"));
        Files.setPosixFilePermissions(logredact, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertNull(RuleSetCache.in(logredact.resolve("rules")), "the parent is open");
        Files.setPosixFilePermissions(logredact, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertNotNull(RuleSetCache.in(logredact.resolve("rules")));
    }

    /** A file saved between two reads of one load (two files extending it): the set mixes both, and is not kept. */
    @Test
    void aSetReadFromTwoVersionsOfAFileIsNotKept() throws Exception {
        Path toml = write("rules.toml", RULES);
        RuleSetCache cache = RuleSetCache.in(dir.resolve("cache"));
        RuleSet rules = RuleSetLoader.load(toml.toString());
        RuleSetCache.Reads reads = new RuleSetCache.Reads();
        reads.read(toml, RULES.getBytes(StandardCharsets.UTF_8));
        reads.read(toml, (RULES + "\n").getBytes(StandardCharsets.UTF_8));
        cache.put(spec(toml), rules, reads);
        assertEquals(0, entries(cache).length);
    }

    private Path write(String name, String text) throws Exception {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private static String spec(Path toml) {
        String spec = toml.toString();
        return spec + "\n" + Path.of("").toAbsolutePath() + "\n" + toml.toAbsolutePath().normalize() + "\n";
    }

    private File[] entries(RuleSetCache cache) {
        File[] files = dir.resolve("cache").toFile().listFiles((d, name) -> name.endsWith(".rules"));
        return files == null ? new File[0] : files;
    }

    private static void assertSameRules(RuleSet expected, RuleSet actual) {
        assertEquals(expected.problems().toString(), actual.problems().toString());
        RuleSetCodecTest.assertSame(expected, actual);
    }
}
