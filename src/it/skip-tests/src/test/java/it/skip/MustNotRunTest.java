package it.skip;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class MustNotRunTest {
    @Test
    void failsIfRun() {
        fail("tests were meant to be skipped, but MustNotRunTest ran");
    }
}
