package it.suite;

import org.testng.annotations.Test;

public class FromSuiteFileTest {
    @Test
    public void namedByANestedSuiteFile() {}
}
