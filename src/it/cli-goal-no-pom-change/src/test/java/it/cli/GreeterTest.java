package it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GreeterTest {
    @Test
    void greets() {
        assertEquals("Hello, World!", new Greeter().greet("World"));
    }

    @Test
    void runsOnAWorker() {
        String worker = System.getProperty("distest.worker");
        assertTrue(worker != null && worker.matches("gw[01]"), "distest.worker is " + worker);
    }
}
