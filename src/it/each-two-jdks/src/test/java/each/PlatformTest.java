package each;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlatformTest {
    @Test
    void needsAJavaBefore21() {
        assertTrue(Runtime.version().feature() < 21, "runs on " + Runtime.version());
    }

    @Test
    void passesEverywhere() {
    }
}
