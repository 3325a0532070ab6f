package it.distest.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GreeterTest {
    @Test
    void greetsByName() {
        assertEquals("hello ada", Greeter.greet("ada"));
    }

    @Test
    void greetsTheEmptyName() {
        assertEquals("hello ", Greeter.greet(""));
    }
}
