package it.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Whichever worker runs this class gets the same settings. */
class SecondWorkerTest {
    @Test
    void seesTheSameSettings() {
        assertEquals("yes", System.getProperty("from.argline"));
        assertEquals("yes", System.getProperty("from.sysprops"));
        assertEquals("yes", System.getenv("FROM_ENV"));
    }
}
