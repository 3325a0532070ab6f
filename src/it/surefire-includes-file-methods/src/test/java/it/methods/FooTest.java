package it.methods;

import org.junit.jupiter.api.Test;

class FooTest {
    @Test
    void one() {}

    @Test
    void two() {}
}
