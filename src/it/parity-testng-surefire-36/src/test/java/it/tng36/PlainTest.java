package it.tng36;

import org.testng.annotations.Test;

public class PlainTest {
    @Test
    public void one() {
    }

    @Test(enabled = false)
    public void off() {
    }
}
