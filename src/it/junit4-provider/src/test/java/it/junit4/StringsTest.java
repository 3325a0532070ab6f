package it.junit4;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class StringsTest {
    @Test
    public void upperCases() {
        assertEquals("ABC", "abc".toUpperCase());
    }

    @Test
    public void knowsItsWorker() {
        String worker = System.getProperty("distest.worker");
        System.out.println("StringsTest on " + worker);
        assertTrue("distest.worker is " + worker, worker != null && worker.matches("gw[01]"));
    }
}
