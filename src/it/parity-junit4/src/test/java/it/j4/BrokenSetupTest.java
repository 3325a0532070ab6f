package it.j4;

import org.junit.BeforeClass;
import org.junit.Test;

public class BrokenSetupTest {
    @BeforeClass
    public static void setUp() {
        throw new IllegalStateException("set-up failed");
    }

    @Test
    public void never() {
    }
}
