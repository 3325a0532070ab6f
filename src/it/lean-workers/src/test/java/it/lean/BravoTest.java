package it.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BravoTest {
    @Test
    void addsUp() {
        assertEquals(2, 1 + 1);
    }

    @Test
    void printsItsWorker() {
        System.out.println("Bravo ran on " + System.getProperty("distest.worker"));
    }
}
