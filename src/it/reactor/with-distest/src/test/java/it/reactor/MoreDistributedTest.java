package it.reactor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MoreDistributedTest {
    @Test
    void alsoOnAWorker() {
        assertTrue(System.getProperty("distest.worker") != null, "not on a distest worker");
    }
}
