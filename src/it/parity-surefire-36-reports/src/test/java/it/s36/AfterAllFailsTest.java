package it.s36;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AfterAllFailsTest {
    @Test
    void passesFirst() {
    }

    @AfterAll
    static void tearDown() {
        fail("teardown broke");
    }
}
