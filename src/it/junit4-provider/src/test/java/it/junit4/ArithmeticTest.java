package it.junit4;

import static org.junit.Assert.assertEquals;

import org.junit.Ignore;
import org.junit.Test;

public class ArithmeticTest {
    @Test
    public void adds() {
        assertEquals(4, 2 + 2);
    }

    @Test
    public void subtractsWrongly() {
        assertEquals("difference", 1, 3 - 1);
    }

    @Test
    @Ignore("flaky in 1999")
    public void ignored() {
        throw new IllegalStateException("an @Ignore'd test ran");
    }
}
