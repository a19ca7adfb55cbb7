package dev.logredact.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LevenshteinTest {
    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Levenshtein.distance("mask", "mask"));
        assertEquals(1, Levenshtein.distance("mask", "masks"));
        assertEquals(1, Levenshtein.distance("mask", "mark"));
        assertEquals(4, Levenshtein.distance("", "mask"));
    }

    @Test
    void closestIsTheNearestCandidateAndTheFirstOnATie() {
        assertEquals("secrets.env", Levenshtein.closest("secret.env", List.of("secrets.file", "secrets.env")));
        assertEquals("ab", Levenshtein.closest("a", List.of("ab", "ac")));
        assertNull(Levenshtein.closest("a", List.of()));
    }
}
