package it.tng36;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class DependenciesTest {
    @Test
    public void passes() {
        assertEquals(2 + 2, 4);
    }

    @Test
    public void fails() {
        assertEquals(2 + 2, 5, "TestNG ran");
    }

    @Test(dependsOnMethods = "fails")
    public void skippedBecauseItsDependencyFailed() {
    }

    @DataProvider
    public Object[][] numbers() {
        return new Object[][] {{1}, {3}};
    }

    @Test(dataProvider = "numbers")
    public void notThree(int n) {
        assertEquals(n == 3, false, "three");
    }
}
