package io.distest.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The slowest class of the sample: four tests of 400 ms each. */
class FibonacciTest {

    private final Calculator calculator = new Calculator();

    @Test
    void firstTwoNumbers() throws InterruptedException {
        Thread.sleep(400);
        assertEquals(0, calculator.fibonacci(0));
        assertEquals(1, calculator.fibonacci(1));
    }

    @Test
    void tenthNumber() throws InterruptedException {
        Thread.sleep(400);
        assertEquals(55, calculator.fibonacci(10));
    }

    @Test
    void largestNumberThatFitsInALong() throws InterruptedException {
        Thread.sleep(400);
        assertEquals(7_540_113_804_746_346_429L, calculator.fibonacci(92));
    }

    @Test
    void rejectsNegativeIndex() throws InterruptedException {
        Thread.sleep(400);
        assertThrows(IllegalArgumentException.class, () -> calculator.fibonacci(-1));
    }
}
