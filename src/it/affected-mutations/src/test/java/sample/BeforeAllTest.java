package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BeforeAllTest {
    private static String state;

    @BeforeAll
    static void prepare() {
        state = Fixture.prepare();
    }

    @Test
    void theFixtureIsReady() {
        assertEquals("ready", state);
    }
}
