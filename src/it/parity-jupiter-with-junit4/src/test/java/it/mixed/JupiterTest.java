package it.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class JupiterTest {
    @Test
    void adds() {
        assertEquals(4, 2 + 2);
    }

    @Test
    @Disabled("not today")
    void waits() {
    }
}
