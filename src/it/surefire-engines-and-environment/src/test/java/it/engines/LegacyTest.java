package it.engines;

import static org.junit.Assert.fail;

/** A JUnit 4 test: the excluded Vintage engine would run it, so it must not run at all. */
public class LegacyTest {
    @org.junit.Test
    public void wouldRunUnderVintage() {
        fail("the junit-vintage engine is excluded");
    }
}
