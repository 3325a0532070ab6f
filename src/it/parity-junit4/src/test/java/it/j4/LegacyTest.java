package it.j4;

import junit.framework.TestCase;

/** JUnit 3 style. */
public class LegacyTest extends TestCase {
    public void testPasses() {
        assertEquals(2, 1 + 1);
    }

    public void testFails() {
        assertEquals("expected", "actual");
    }
}
