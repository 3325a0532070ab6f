package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalcTest {
    @Test
    void addsThroughTheCore() {
        assertEquals(5, new Calc().add(2, 3));
    }
}
