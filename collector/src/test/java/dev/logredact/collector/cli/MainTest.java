package dev.logredact.collector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @Test
    void serveIsTheDefaultVerb() {
        assertArrayEquals(new String[] {"serve"}, Main.withVerb(new String[0]));
        assertArrayEquals(new String[] {"serve", "--port", "1"}, Main.withVerb(new String[] {"--port", "1"}));
        assertArrayEquals(new String[] {"report", "--format", "csv"}, Main.withVerb(new String[] {"report", "--format", "csv"}));
        assertArrayEquals(new String[] {"--help"}, Main.withVerb(new String[] {"--help"}));
    }

    @Test
    void helpListsTheVerbs() {
        String[] r = run("--help");
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("serve") && r[1].contains("report"), r[1]);
    }

    @Test
    void badServeSettingsAreOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        assertEquals("logredact-collector: --port must be from 0 to 65535\n",
                run("--port", "70000", "--db", dir.resolve("a.db").toString())[2]);
        Path owners = dir.resolve("owners.toml");
        Files.writeString(owners, "[[owners]]\nownr = \"x\"\n");
        String[] r = run("serve", "--port", "0", "--db", dir.resolve("a.db").toString(), "--owners", owners.toString());
        assertEquals("2", r[0]);
        assertEquals("logredact-collector: " + owners + ": owners[1]: unknown key 'ownr' (did you mean 'owner'?)\n", r[2]);
        String[] flag = run("--prot", "1");
        assertEquals("2", flag[0]);
        assertTrue(flag[2].startsWith("logredact-collector: Unknown options: '--prot'"), flag[2]);
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }
}
