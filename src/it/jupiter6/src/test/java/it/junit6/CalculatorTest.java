package it.junit6;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalculatorTest {
    @Test
    void passes() {
        assertEquals(4, 2 + 2);
    }

    @Test
    void failsOnPurpose() {
        assertEquals(5, 2 + 2, "two plus two");
    }
}
