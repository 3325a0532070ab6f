package it.malformed;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class NeverRunsTest {
    @Test
    void mustNotRun() {
        fail("the build should have stopped at the malformed tx spec");
    }
}
