package it.jupiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class GolfTest {
    @Test
    void multiplies() {
        assertEquals(6, 2 * 3);
    }

    @Test
    @Disabled("not today")
    void disabledNeverRuns() {
        fail("a @Disabled test ran");
    }
}
