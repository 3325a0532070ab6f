package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DefaultMethodTest {
    @Test
    void aThingIsNamedByItsInterface() {
        assertEquals("named", new Thing().name());
    }
}
