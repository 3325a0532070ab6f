package it.slices;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class CharlieTest extends Sleeper {
    CharlieTest() {
        super(500);
    }

    @Test
    @Disabled("kept for parity: a skipped test")
    void skipped() {
    }
}
