package it.suite;

import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.fail;

import org.testng.annotations.Test;

public class SelectedTest {
    @Test
    public void listenerFromTheSuiteRuns() {
        assertNotNull(System.getProperty("it.suite.listener"), "the suite's <listeners> should be active");
    }

    @Test(groups = "broken")
    public void brokenGroupIsExcluded() {
        fail("<groups><run><exclude name=\"broken\"/> should have kept this test from running");
    }
}
