package it.s36;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BeforeAllThrowsTest {
    @BeforeAll
    static void setUp() {
        throw new IllegalStateException("no database");
    }

    @Test
    void neverRuns() {
    }
}
