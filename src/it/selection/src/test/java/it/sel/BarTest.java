package it.sel;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class BarTest {
    @Test
    @Tag("fast")
    void bar() {
    }
}
