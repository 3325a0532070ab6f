package it.j47;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.junit.experimental.categories.Category;

@Category(Fast.class)
public class FastClassTest {
    @Test
    public void one() {
        assertEquals(1, Integer.parseInt("1"));
    }

    @Test
    public void two() {
        assertEquals(2, Integer.parseInt("2"));
    }

    @Test
    public void three() {
        assertEquals(3, Integer.parseInt("3"));
    }

    @Test
    public void wrong() {
        assertEquals("a wrong sum", 5, 2 + 2);
    }
}
