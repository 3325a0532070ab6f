package io.distest.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    private final Calculator calculator = new Calculator();

    @BeforeEach
    void slowSetUp() throws InterruptedException {
        Thread.sleep(250);
    }

    @Test
    void meanOfSeveralValues() {
        double mean = calculator.mean(1, 2, 3, 4);
        // Printed on purpose: test output is captured and kept with this test's report.
        System.out.println("StatisticsTest: mean of [1, 2, 3, 4] = " + mean);
        assertEquals(2.5, mean, 1e-12);
    }

    @Test
    void medianOfOddCount() {
        assertEquals(3, calculator.median(5, 1, 3), 1e-12);
    }

    @Test
    void medianOfEvenCount() {
        assertEquals(2.5, calculator.median(4, 1, 3, 2), 1e-12);
    }

    @Test
    void refusesEmptyInput() {
        assertThrows(IllegalArgumentException.class, () -> calculator.mean());
    }
}
