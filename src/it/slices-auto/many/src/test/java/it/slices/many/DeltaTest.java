package it.slices.many;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeltaTest {
    @Test
    void adds() {
        assertEquals(2, 1 + 1);
    }
}
