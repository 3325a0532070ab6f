package it.inherit;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class ExcludedByPatternTest {
    @Test
    void neverRuns() {
        fail("<excludes>**/Excluded*Test.java</excludes> should have kept this class from running");
    }
}
