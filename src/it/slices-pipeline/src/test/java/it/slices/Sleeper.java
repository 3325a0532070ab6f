package it.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The tests every class of this project runs: one that takes the class's time, one quick. */
abstract class Sleeper {
    private final long millis;

    Sleeper(long millis) {
        this.millis = millis;
    }

    @Test
    void takesItsTime() throws InterruptedException {
        Thread.sleep(millis);
        assertEquals(4, 2 + 2);
    }

    @Test
    void isQuick() {
        assertEquals("ab", "a" + "b");
    }
}
