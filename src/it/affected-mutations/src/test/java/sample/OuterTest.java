package sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OuterTest {
    @Test
    void outerRuns() {
        assertTrue(true);
    }

    @Nested
    class Inner {
        @Test
        void theHelperSaysOk() {
            assertTrue(Helper.ok());
        }
    }
}
