package it.tng7;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Parameters;
import org.testng.annotations.Test;

/** A @Parameters value only the suite file gives. */
public class SuiteParameterTest {
    @Test
    @Parameters("greeting")
    public void getsTheSuiteParameter(String greeting) {
        assertEquals(greeting, "hello from the suite");
    }

    @Test(dependsOnMethods = "getsTheSuiteParameter")
    public void runsAfterIt() {
    }
}
