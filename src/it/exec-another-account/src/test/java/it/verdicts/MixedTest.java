package it.verdicts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MixedTest {
    @Test
    void passes() {
        assertEquals(2, 1 + 1);
    }

    @Test
    void failsAnAssertion() {
        assertEquals("expected", "actual", "strings differ");
    }

    @Test
    void throwsAnException() {
        throw new IllegalStateException("boom");
    }

    @Test
    @Disabled("switched off")
    void isDisabled() {
        throw new AssertionError("a @Disabled test ran");
    }

    @Test
    void isAbortedByAnAssumption() {
        assumeTrue(false, "not on this machine");
    }

    @Test
    @DisplayName("has a display name")
    void displayNamed() {
        System.out.println("out from displayNamed");
        System.err.println("err from displayNamed");
    }
}
