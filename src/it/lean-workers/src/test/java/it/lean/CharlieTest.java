package it.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CharlieTest {
    @Test
    void addsUp() {
        assertEquals(2, 1 + 1);
    }

    @Test
    void printsItsWorker() {
        System.out.println("Charlie ran on " + System.getProperty("distest.worker"));
    }
}
