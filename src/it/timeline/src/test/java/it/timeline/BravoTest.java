package it.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BravoTest {
    @Test
    void adds() {
        assertEquals(4, 2 + 2);
    }
}
