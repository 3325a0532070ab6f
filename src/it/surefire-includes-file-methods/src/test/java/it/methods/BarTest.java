package it.methods;

import org.junit.jupiter.api.Test;

class BarTest {
    @Test
    void quick() {}

    @Test
    void slowOne() {}

    @Test
    void slowTwo() {}
}
