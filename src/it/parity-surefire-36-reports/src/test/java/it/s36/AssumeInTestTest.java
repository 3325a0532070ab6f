package it.s36;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class AssumeInTestTest {
    @Test
    void needsALinuxBox() {
        assumeTrue(false, "not on this box");
    }

    @Test
    @Disabled("later")
    void disabled() {
    }

    @Test
    void runs() {
    }
}
