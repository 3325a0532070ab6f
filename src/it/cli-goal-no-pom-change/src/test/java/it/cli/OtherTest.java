package it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OtherTest {
    @Test
    void multiplies() {
        assertEquals(12, 3 * 4);
    }
}
