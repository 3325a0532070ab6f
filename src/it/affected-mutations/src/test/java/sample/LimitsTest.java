package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LimitsTest {
    @Test
    void threeLimits() {
        assertEquals(List3.SIZE, Limits.ALL.size());
    }

    private static final class List3 {
        static final int SIZE = 3;
    }
}
