package it.mixed;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** A JUnit 4 class that fails: only a runner with the Vintage engine (Surefire 3.6) runs it. */
public class LegacyJUnit4Test {
    @Test
    public void passes() {
        assertEquals(4, 2 + 2);
    }

    @Test
    public void fails() {
        assertEquals("JUnit 4 ran", 5, 2 + 2);
    }
}
