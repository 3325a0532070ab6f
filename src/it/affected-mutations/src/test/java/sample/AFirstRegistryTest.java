package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AFirstRegistryTest {
    @Test
    void findsTheAnswer() {
        assertEquals(3, Limits.ALL.size());
        assertEquals(42, Registry.get().lookup("answer"));
    }
}
