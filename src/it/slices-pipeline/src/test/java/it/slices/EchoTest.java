package it.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class EchoTest {
    @Test
    void takesItsTime() throws InterruptedException {
        Thread.sleep(300);
        assertEquals(4, 2 + 2);
    }

    @Test
    void isQuick() {
        assertEquals("ab", "a" + "b");
    }
}
