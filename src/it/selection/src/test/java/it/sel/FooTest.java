package it.sel;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class FooTest {
    @Test
    @Tag("fast")
    void one() {
    }

    @Test
    @Tag("fast")
    @Tag("slow")
    void two() {
    }

    @Test
    void three() {
    }
}
