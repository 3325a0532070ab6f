package it.suite;

import static org.junit.Assert.assertEquals;

import org.junit.Ignore;
import org.junit.Test;

public class FooTest {
    @Test
    public void addsUp() {
        assertEquals(4, 2 + 2);
    }

    @Test
    public void multiplies() {
        assertEquals(6, 2 * 3);
    }

    @Test
    @Ignore("shown as skipped")
    public void ignored() {}
}
