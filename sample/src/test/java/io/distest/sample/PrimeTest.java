package io.distest.sample;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parameterized tests: each value is a test of its own in the report. */
class PrimeTest {

    private final Calculator calculator = new Calculator();

    @AfterEach
    void slowTearDown() throws InterruptedException {
        Thread.sleep(100);
    }

    @ParameterizedTest(name = "{0} is prime")
    @ValueSource(longs = {2, 3, 13, 7919, 2_147_483_647L})
    void recognisesPrimes(long n) {
        assertTrue(calculator.isPrime(n), n + " should be prime");
    }

    @ParameterizedTest(name = "{0} is composite")
    @ValueSource(longs = {4, 9, 7917, 1_000_000_007L * 3})
    void recognisesComposites(long n) {
        assertFalse(calculator.isPrime(n), n + " should not be prime");
    }

    @Test
    void numbersBelowTwoAreNotPrime() {
        assertFalse(calculator.isPrime(1));
        assertFalse(calculator.isPrime(0));
        assertFalse(calculator.isPrime(-7));
    }
}
