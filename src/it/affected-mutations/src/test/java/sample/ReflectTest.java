package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReflectTest {
    @Test
    void greetsThroughAClassNamedAtRunTime() throws Exception {
        String name = "sample." + new StringBuilder("lpmIreteerG").reverse();
        Greeter greeter = (Greeter) Class.forName(name).getDeclaredConstructor().newInstance();
        assertEquals("hello", greeter.greet());
    }
}
