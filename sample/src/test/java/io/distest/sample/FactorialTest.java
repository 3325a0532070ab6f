package io.distest.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each test pauses 250 ms, standing in for slow work, so that spreading classes over workers pays off. */
class FactorialTest {

    private final Calculator calculator = new Calculator();

    @BeforeEach
    void slowSetUp() throws InterruptedException {
        Thread.sleep(250);
    }

    @Test
    void factorialOfZeroIsOne() {
        assertEquals(1, calculator.factorial(0));
    }

    @Test
    void factorialOfFive() {
        assertEquals(120, calculator.factorial(5));
    }

    @Test
    void largestFactorialThatFitsInALong() {
        assertEquals(2_432_902_008_176_640_000L, calculator.factorial(20));
    }

    @Test
    void rejectsNegativeArguments() {
        assertThrows(IllegalArgumentException.class, () -> calculator.factorial(-1));
    }

    @Test
    void rejectsArgumentsThatWouldOverflow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> calculator.factorial(21));
        assertEquals("n must be in [0, 20], was 21", e.getMessage());
    }
}
