package it.suite;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class BarTest {
    @Test
    public void failsOnPurpose() {
        assertEquals("the verdict travels too", 1, 2);
    }

    @Test
    public void passes() {}
}
