package it.parent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecondTest {
    @Test
    void alsoSeesTheParentsArgLine() {
        assertEquals("yes", System.getProperty("from.parent"));
    }
}
