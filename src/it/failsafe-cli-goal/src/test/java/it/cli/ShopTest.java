package it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A unit test: not one of Failsafe's includes, so the integration-test goal does not run it. */
class ShopTest {
    @Test
    void emptyTotalIsZero() {
        assertEquals(0, Shop.total());
    }
}
