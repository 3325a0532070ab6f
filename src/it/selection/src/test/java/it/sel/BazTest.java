package it.sel;

import org.junit.jupiter.api.Test;

class BazTest {
    @Test
    void baz() {
    }
}
