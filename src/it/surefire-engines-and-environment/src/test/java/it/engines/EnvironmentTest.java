package it.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EnvironmentTest {
    @Test
    void doesNotInheritTheExcludedVariable() {
        assertNull(System.getenv("DISTEST_IT_SECRET"));
    }

    @Test
    void inheritsTheOthers() {
        assertEquals("kept", System.getenv("DISTEST_IT_KEPT"));
    }
}
