package it.oldnames;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** A class without nesting: one report in every Surefire version. */
class PlainTest {
    @Test
    void passes() {
    }

    @RepeatedTest(2)
    void repeated() {
    }
}
