package it.suite;

import static org.testng.Assert.fail;

import org.testng.annotations.Test;

/** Matches Surefire's default includes, but no suite names it. */
public class NotInTheSuiteTest {
    @Test
    public void neverRuns() {
        fail("not named by the suite: with suiteXmlFiles, includes do not apply");
    }
}
