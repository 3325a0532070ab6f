package it.parent;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class BrokenTest {
    @Test
    void excludedByTheParent() {
        fail("the parent's <excludes> should have kept this class from running");
    }
}
