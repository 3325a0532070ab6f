package it.oldnames;

import static org.testng.Assert.assertNotEquals;

import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Surefire before 3.0.0-M5 names every invocation notThree; 3.5.4 names them notThree[1](1), notThree[2](2), … */
public class DataProviderTest {
    @DataProvider
    public Object[][] numbers() {
        return new Object[][] {{1}, {2}, {3}};
    }

    @Test(dataProvider = "numbers")
    public void notThree(int number) {
        assertNotEquals(number, 3, "three");
    }

    @Test
    public void plain() {
    }
}
