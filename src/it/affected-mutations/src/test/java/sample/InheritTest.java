package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InheritTest {
    @Test
    void aChildHasItsBasesValue() {
        assertEquals(7, new Child().value());
    }
}
