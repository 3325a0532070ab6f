package it.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** A contract test other modules run from this jar. */
public class SharedContractTest {
    @Test
    void holds() {
        assertEquals(4, Contract.twice(2));
    }

    @Test
    void failsOnPurpose() {
        assertEquals(5, Contract.twice(2), "the verdict travels too");
    }

    @Test
    @Disabled("shown as skipped")
    void disabled() {}
}
