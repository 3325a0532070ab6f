package it.s36;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The usual Testcontainers guard: Surefire 3.5 reports no case for it, 3.6 each test skipped. */
class AssumeInBeforeAllTest {
    @BeforeAll
    static void needsDocker() {
        assumeTrue(false, "no docker here");
    }

    @Test
    void two() {
    }

    @Test
    void one() {
    }
}
