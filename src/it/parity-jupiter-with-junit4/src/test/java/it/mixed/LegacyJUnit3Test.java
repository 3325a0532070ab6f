package it.mixed;

import junit.framework.TestCase;

/** A JUnit 3 TestCase that fails: only a runner with the Vintage engine (Surefire 3.6) runs it. */
public class LegacyJUnit3Test extends TestCase {
    public void testPasses() {
        assertEquals(4, 2 + 2);
    }

    public void testFails() {
        fail("JUnit 3 ran");
    }
}
