package it.fresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LeakThreeTest {
    @Test
    void firstClassInItsJvm() {
        assertEquals(1, Leak.claim(), "another test class ran in this JVM before");
    }
}
