package io.distest.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GcdTest {

    private final Calculator calculator = new Calculator();

    @BeforeEach
    void slowSetUp() throws InterruptedException {
        Thread.sleep(300);
    }

    @Test
    void gcdOfCoprimesIsOne() {
        assertEquals(1, calculator.gcd(35, 64));
    }

    @Test
    void gcdOfMultiples() {
        assertEquals(12, calculator.gcd(36, 48));
    }

    @Test
    void gcdIgnoresSigns() {
        assertEquals(6, calculator.gcd(-18, 24));
    }

    @Test
    void gcdWithZero() {
        assertEquals(9, calculator.gcd(0, 9));
        assertEquals(0, calculator.gcd(0, 0));
    }
}
