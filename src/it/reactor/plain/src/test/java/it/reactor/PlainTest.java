package it.reactor;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PlainTest {
    @Test
    void runsUnderSurefireNotDistest() {
        assertNull(System.getProperty("distest.worker"), "a module without distest ran on a distest worker");
    }
}
