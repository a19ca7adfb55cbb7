package dev.logredact.secrets;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecretTextTest {
    /** The hand-written split must cut where a split at {@code \r\n|\r|\n} cuts, whatever the mix of line ends. */
    @Test
    void linesAreThoseOfASplitAtEveryKindOfLineEnd() {
        Random random = new Random(2);
        String alphabet = "ab \t\r\n\r\n\u00a0";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(14); n > 0; n--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            List<String> expected = new ArrayList<>();
            for (String line : text.split("\r\n|\r|\n", -1)) {
                if (!SecretText.trim(line).isEmpty()) {
                    expected.add(SecretText.trim(line));
                }
            }
            assertEquals(expected, SecretText.lines(text), text.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }
}
