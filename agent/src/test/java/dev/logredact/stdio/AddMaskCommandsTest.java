package dev.logredact.stdio;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ::add-mask::} once per value, on a line of its own, only where GitHub's runner reads it. */
class AddMaskCommandsTest {
    private static final String PAT = "ghp_" + "Kx7Qm2Wn9Lp4Rt6Vy8Bz1Cd3Fg5Hj7Mk9Np2Q";

    @Test
    void eachValueOnceOnALineOfItsOwn() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AddMaskCommands commands = new AddMaskCommands(out);
        commands.found(PAT);
        commands.found(PAT);
        commands.found("sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc");
        assertEquals("\n::add-mask::" + PAT + "\n\n::add-mask::sk_live_4eC39HqLyjWDarjtT1zdp7dc\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMultiLineValueIsSentLineByLineAndPercentIsEscaped() {
        assertEquals("\n::add-mask::MIIEowIBAAKCAQEA\n::add-mask::vGZlGJpmn65%25A4x\n",
                AddMaskCommands.command("MIIEowIBAAKCAQEA\r\n\nvGZlGJpmn65%A4x\n"));
        assertEquals("", AddMaskCommands.command(" \n\t"));
    }

    @Test
    void boundedInNumber() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AddMaskCommands commands = new AddMaskCommands(out);
        for (int i = 0; i < AddMaskCommands.MAX_VALUES + 10; i++) {
            commands.found("secret-value-" + i);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(AddMaskCommands.MAX_VALUES, text.split("::add-mask::", -1).length - 1);
        assertFalse(text.contains("secret-value-" + AddMaskCommands.MAX_VALUES + "\n"));
    }

    @Test
    void onlyWhenAskedInGithubActionsAndNotInASurefireFork() {
        Map<String, String> actions = Map.of("GITHUB_ACTIONS", "true");
        assertTrue(AddMaskCommands.wanted(true, actions, false));
        assertFalse(AddMaskCommands.wanted(false, actions, false));
        assertFalse(AddMaskCommands.wanted(true, actions, true));
        assertFalse(AddMaskCommands.wanted(true, Map.of(), false));
        assertFalse(AddMaskCommands.wanted(true, Map.of("GITHUB_ACTIONS", "false"), false));
    }
}
