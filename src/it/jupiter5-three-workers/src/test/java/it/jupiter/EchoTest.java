package it.jupiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EchoTest {
    @BeforeAll
    static void meetTheOtherWorkers() {
        Rendezvous.await(3);
    }

    @Test
    void adds() {
        assertEquals(4, 2 + 2);
    }

    @Test
    void concatenates() {
        assertEquals("Echo!", "Echo" + "!");
    }

    @Test
    void printsItsWorker() {
        String worker = System.getProperty("distest.worker");
        System.out.println("EchoTest ran on worker=" + worker + " number=" + System.getProperty("distest.worker.number"));
        assertTrue(worker != null && worker.matches("gw[0-2]"), "distest.worker should be gw0..gw2 but was " + worker);
    }
}
