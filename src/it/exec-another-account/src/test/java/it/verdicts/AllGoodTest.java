package it.verdicts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AllGoodTest {
    @Test
    void one() {
        assertTrue(true);
    }

    @Test
    void two() {
        assertTrue("abc".contains("b"));
    }
}
