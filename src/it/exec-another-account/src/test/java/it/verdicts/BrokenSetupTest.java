package it.verdicts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A class whose set-up fails: no test method runs; how the class is reported must match Surefire's. */
class BrokenSetupTest {
    @BeforeAll
    static void setUp() {
        throw new IllegalStateException("set-up failed");
    }

    @Test
    void neverRuns() {
    }

    @Test
    void neverRunsEither() {
    }
}
