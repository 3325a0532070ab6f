package it.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlainTest {
    @Test
    void needsNoSpring() throws InterruptedException {
        Thread.sleep(200);
        assertEquals(4, 2 + 2);
    }
}
