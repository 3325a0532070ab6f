package it.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PlainTest {
    @Test
    void notOnADistestWorker() {
        assertNull(System.getProperty("distest.worker"), "ran on a distest worker without any distest setting");
    }

    @Test
    void adds() {
        assertEquals(3, 1 + 2);
    }
}
