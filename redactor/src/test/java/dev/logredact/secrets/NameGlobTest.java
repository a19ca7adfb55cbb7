package dev.logredact.secrets;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NameGlobTest {
    private static final String ALPHABET = "ABKNOPSTWYZ_019.-aéß";

    private static String random(Random random, int maxLength) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The pair filter only passes over names the full match would refuse too. */
    @Test
    void thePairFilterNeverChangesAVerdict() {
        Random random = new Random(11);
        String[] shapes = {"%s", "%s*", "*%s", "*%s*", "*%s?", "%s*%s"};
        for (int g = 0; g < 400; g++) {
            String literal = random(random, 4).replace("é", "E").replace("ß", "S");
            if (literal.isEmpty() || literal.chars().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            NameGlob glob = NameGlob.parse(String.format(shapes[g % shapes.length], literal, literal));
            for (int n = 0; n < 200; n++) {
                String name = random(random, 12).toUpperCase(Locale.ROOT);
                if (n % 3 == 0) {
                    name = name + literal.toUpperCase(Locale.ROOT) + random(random, 3).toUpperCase(Locale.ROOT);
                }
                assertEquals(glob.matchesUpperCase(name), glob.matchesUpperCase(name, NameGlob.pairs(name)), glob + " " + name);
            }
        }
    }
}
