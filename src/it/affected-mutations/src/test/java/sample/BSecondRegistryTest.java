package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Runs in the same JVM as AFirstRegistryTest: the registry may be made already, with no class loaded here. */
class BSecondRegistryTest {
    @Test
    void findsTheAnswerToo() {
        assertEquals(42, Registry.get().lookup("answer"));
    }
}
