package it.reactor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistributedTest {
    @Test
    void runsOnADistestWorker() {
        String worker = System.getProperty("distest.worker");
        assertTrue(worker != null && worker.matches("gw[01]"), "distest.worker is " + worker);
    }

    @Test
    void adds() {
        assertTrue(1 + 1 == 2);
    }
}
