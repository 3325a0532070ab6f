package it.slices.many;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BravoTest {
    @Test
    void adds() {
        assertEquals(2, 1 + 1);
    }
}
