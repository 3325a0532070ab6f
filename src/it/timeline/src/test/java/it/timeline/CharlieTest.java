package it.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CharlieTest {
    @Test
    void adds() {
        assertEquals(4, 2 + 2);
    }
}
