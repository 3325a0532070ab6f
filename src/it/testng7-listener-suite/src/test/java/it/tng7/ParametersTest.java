package it.tng7;

import static org.testng.Assert.assertNotEquals;

import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** A data provider: Surefire names the invocations notThree[1](1) … notThree[4](4); the third fails. */
public class ParametersTest {
    @DataProvider
    public Object[][] numbers() {
        return new Object[][] {{1}, {2}, {3}, {4}};
    }

    @Test(dataProvider = "numbers")
    public void notThree(int number) {
        assertNotEquals(number, 3, "three");
    }

    @Test(groups = "broken")
    public void excludedBySuiteGroups() {
        throw new AssertionError("the suite's <exclude name=\"broken\"/> must keep this from running");
    }
}
