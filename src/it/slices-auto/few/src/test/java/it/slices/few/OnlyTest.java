package it.slices.few;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OnlyTest {
    @Test
    void adds() {
        assertEquals(2, 1 + 1);
    }
}
