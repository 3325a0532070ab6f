package it.tng6;

import static org.testng.Assert.assertNotEquals;

import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** A data provider: Surefire names each invocation notThree[1](1), notThree[2](2), …; the third fails. */
public class ParametersTest {
    @DataProvider
    public Object[][] numbers() {
        return new Object[][] {{1}, {2}, {3}, {4}};
    }

    @Test(dataProvider = "numbers")
    public void notThree(int number) {
        assertNotEquals(number, 3, "three");
    }

    @Test(dataProvider = "numbers", groups = "broken")
    public void excludedByGroup(int number) {
        throw new AssertionError("excludedGroups=broken must keep this from running");
    }
}
