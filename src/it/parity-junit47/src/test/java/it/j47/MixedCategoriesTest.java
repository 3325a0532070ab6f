package it.j47;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.junit.experimental.categories.Category;

public class MixedCategoriesTest {
    @Test
    @Category(Fast.class)
    public void fastOne() {
        assertEquals(2, 1 + 1);
    }

    @Test
    @Category(Slow.class)
    public void slowOne() {
        assertEquals(2, 1 + 1);
    }

    @Test
    public void uncategorized() {
        assertEquals(2, 1 + 1);
    }
}
