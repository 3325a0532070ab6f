package it.j47;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.Collection;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

@RunWith(Parameterized.class)
@Category(Fast.class)
public class ParamsTest {
    @Parameters(name = "{index}: double({0})")
    public static Collection<Object[]> data() {
        return Arrays.asList(new Object[][] {{1, 2}, {2, 4}, {3, 7}});
    }

    private final int in;
    private final int out;

    public ParamsTest(int in, int out) {
        this.in = in;
        this.out = out;
    }

    @Test
    public void doubles() {
        assertEquals(out, 2 * in);
    }
}
